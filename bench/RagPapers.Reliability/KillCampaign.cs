using System.Globalization;

namespace RagPapers.Reliability;

/// <summary>kill -9 in the middle of writing, for each scenario: the store must be consistent, hold only whole batches, and a second run must finish the job.</summary>
internal static class KillCampaign
{
    private const int Papers = 1_500;
    private const int BatchSize = 25;
    private static readonly Dictionary<string, string> SmallBatches = new() { ["RAGPAPERS_Ingestion__BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The scenarios, by name: ingestion (add, update) and re-embedding (<see cref="ReembedScenarios"/>).</summary>
    public static IReadOnlyDictionary<string, KillScenario> Scenarios { get; } = new Dictionary<string, KillScenario>
    {
        ["add"] = new("add", PrepareAddAsync, store => Store.Papers(store) > 0, WholeBatches("1 = 1"), run => Count(run.Store, "1 = 1") == Papers ? null : $"{Count(run.Store, "1 = 1")} of {Papers} papers after resume"),
        ["update"] = new("update", PrepareUpdateAsync, store => Count(store, V2) > 0, WholeBatches(V2), run => Count(run.Store, V2) == Papers ? null : $"{Count(run.Store, V2)} of {Papers} papers updated after resume"),
        ["re-embed (switch)"] = ReembedScenarios.Switch,
        ["re-embed (reindex)"] = ReembedScenarios.Reindex,
    };

    private const string V2 = "abstract LIKE 'In version 2%'";

    public static Task<CampaignResult> RunAsync(Scale scale) => RunAsync(scale, Scenarios.Values.ToArray());

    /// <summary>The re-embedding scenarios only (campaign "kill-reembed").</summary>
    public static Task<CampaignResult> RunReembedAsync(Scale scale) =>
        RunAsync(scale, Scenarios.Values.Where(s => s.Name.StartsWith("re-embed", StringComparison.Ordinal)).ToArray());

    private static async Task<CampaignResult> RunAsync(Scale scale, IReadOnlyCollection<KillScenario> scenarios)
    {
        var random = new Random(18);
        var rows = new List<string>();
        var failures = 0;
        foreach (var scenario in scenarios)
        {
            var consistent = 0;
            for (var run = 0; run < scale.Kills; run++)
            {
                var problem = await KillOnceAsync(scenario, TimeSpan.FromMilliseconds(random.Next(0, 400)));
                consistent += problem is null ? 1 : 0;
                if (problem is not null)
                {
                    Console.Error.WriteLine($"  {scenario.Name} run {run + 1}: {problem}");
                }
            }

            failures += scale.Kills - consistent;
            rows.Add($"{scenario.Name} {consistent}/{scale.Kills} consistent and resumed");
        }

        return new CampaignResult("kill -9 mid-write", $"{string.Join(", ", scenarios.Select(s => s.Name))} × {scale.Kills}", string.Join("; ", rows), "all consistent", failures == 0);
    }

    private static async Task<string?> KillOnceAsync(KillScenario scenario, TimeSpan extraDelay)
    {
        var folder = Repo.TempFolder("kill");
        try
        {
            var args = await scenario.Prepare(folder);
            var store = Path.Combine(folder, "store.db");
            var environment = scenario.Environment ?? SmallBatches;
            using (var child = ChildProcess.Start(Repo.Cli, args, environment))
            {
                var deadline = DateTime.UtcNow.AddSeconds(120);
                while (!scenario.Writing(store) && !child.HasExited && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(5);
                }

                await Task.Delay(extraDelay);
                if (child.HasExited)
                {
                    return "the run finished before it could be killed; raise the paper count";
                }

                child.Signal("KILL");
                await child.WaitAsync(TimeSpan.FromSeconds(30));
            }

            var broken = Store.Inconsistency(store) ?? scenario.AfterKill(store);
            if (broken is not null)
            {
                return "after the kill: " + broken;
            }

            var progress = scenario.Progress?.Invoke(store) ?? 0;
            var resumed = await ChildProcess.RunCliAsync(scenario.ResumeArguments?.Invoke(args) ?? args, TimeSpan.FromMinutes(5), environment);
            return resumed.ExitCode != 0 ? $"resume failed: rc {resumed.ExitCode} {resumed.StandardError}"
                : Store.Inconsistency(store) ?? scenario.AfterResume(new ResumedRun(store, progress, resumed.StandardOutput, resumed.StandardError));
        }
        finally
        {
            Repo.Delete(folder);
        }
    }

    private static async Task<string[]> PrepareAddAsync(string folder)
    {
        var collection = Path.Combine(folder, "papers.jsonl");
        await Synthetic.WriteAsync(collection, Papers);
        return ["ingest", collection, "--store", Path.Combine(folder, "store.db")];
    }

    private static async Task<string[]> PrepareUpdateAsync(string folder)
    {
        var collection = Path.Combine(folder, "papers.jsonl");
        var store = Path.Combine(folder, "store.db");
        await Synthetic.WriteAsync(collection, Papers, version: 1);
        var first = await ChildProcess.RunCliAsync(["ingest", collection, "--store", store], TimeSpan.FromMinutes(5));
        if (first.ExitCode != 0)
        {
            throw new InvalidOperationException("preparing the update scenario failed: " + first.StandardError);
        }

        await Synthetic.WriteAsync(collection, Papers, version: 2);
        return ["ingest", collection, "--store", store];
    }

    /// <summary>The papers matching <paramref name="where"/> came in whole batches, and every chunk is a slice of its own paper's abstract.</summary>
    private static Func<string, string?> WholeBatches(string where) => store =>
    {
        var count = Count(store, where);
        // A chunk stored as '' (schema 9) is its paper's whole abstract, so its paper has no other chunk.
        var mismatched = Store.Scalar(store, """
            SELECT count(*) FROM chunks c JOIN papers p ON p.id = c.paper_id
            WHERE instr(p.abstract, c.text) = 0 OR (c.text = '' AND (SELECT count(*) FROM chunks o WHERE o.paper_id = c.paper_id) > 1)
            """);
        return count % BatchSize != 0 ? $"{count} papers: not whole batches of {BatchSize}"
            : mismatched > 0 ? $"{mismatched} chunks that are not text of their paper" : null;
    };

    private static long Count(string store, string where) => Store.TryScalar(store, $"SELECT count(*) FROM papers WHERE {where}");
}
