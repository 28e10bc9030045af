using System.Diagnostics;
using System.Globalization;

namespace RagPapers.Reliability;

/// <summary>
/// SIGINT and SIGTERM to commands while they work (ingest mid-batch; eval while it indexes SciFact, when the data is
/// there): each must exit 130 within a second of the signal, leaving a consistent store of whole batches.
/// </summary>
internal static class SignalCampaign
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);
    private static readonly string SciFact = Path.Combine(Repo.Root, "..", "shared", "data", "scifact");

    public static async Task<CampaignResult> RunAsync(Scale scale)
    {
        var withEval = File.Exists(Path.Combine(SciFact, "corpus.jsonl"));
        var (ok, slowest, runs) = (0, TimeSpan.Zero, 0);
        foreach (var signal in new[] { "INT", "TERM" })
        {
            for (var i = 0; i < scale.Signals; i++, runs++)
            {
                var command = withEval && i % 2 == 1 ? "eval" : "ingest";
                var (passed, elapsed, why) = await SignalOnceAsync(command, signal);
                ok += passed ? 1 : 0;
                slowest = elapsed > slowest ? elapsed : slowest;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SIG{signal} {command}: {(passed ? "ok" : "FAIL " + why)} after {elapsed.TotalMilliseconds:0} ms"));
            }
        }

        return new CampaignResult(
            "SIGINT / SIGTERM", $"{scale.Signals} × 2 signals ({(withEval ? "ingest and eval" : "ingest")})",
            string.Create(CultureInfo.InvariantCulture, $"{ok}/{runs} exited 130 within 1 s, store consistent; slowest {slowest.TotalMilliseconds:0} ms"),
            "all exit 130 ≤ 1 s", ok == runs);
    }

    private static async Task<(bool Passed, TimeSpan Elapsed, string? Why)> SignalOnceAsync(string command, string signal)
    {
        var folder = Repo.TempFolder("signal");
        try
        {
            var store = Path.Combine(folder, "store.db");
            string[] args;
            if (command == "ingest")
            {
                await Synthetic.WriteAsync(Path.Combine(folder, "papers.jsonl"), 3_000);
                args = ["ingest", Path.Combine(folder, "papers.jsonl"), "--store", store];
            }
            else
            {
                args = ["eval", "--corpus", Path.Combine(SciFact, "corpus.jsonl"), "--queries", Path.Combine(SciFact, "queries.jsonl"), "--qrels", Path.Combine(SciFact, "qrels-test.tsv")];
            }

            using var child = ChildProcess.Start(Repo.Cli, args, new Dictionary<string, string> { ["RAGPAPERS_Ingestion__BatchSize"] = "25" });
            await WaitUntilWorkingAsync(child, command == "ingest" ? store : null);
            var watch = Stopwatch.StartNew();
            child.Signal(signal);
            var outcome = await child.WaitAsync(TimeSpan.FromSeconds(30));
            var elapsed = watch.Elapsed;
            var why = outcome.ExitCode != 130 ? $"exit {outcome.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none (hung)"}"
                : elapsed > Limit ? "too slow"
                : command == "ingest" ? Store.Inconsistency(store) ?? (Store.Papers(store) % 25 != 0 ? "not whole batches" : null)
                : null;
            return (why is null, elapsed, why);
        }
        finally
        {
            Repo.Delete(folder);
        }
    }

    private static async Task WaitUntilWorkingAsync(ChildProcess child, string? store)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            if (store is not null ? Store.Papers(store) > 0 : child.StandardError.Contains("Indexing", StringComparison.Ordinal))
            {
                await Task.Delay(store is null ? 500 : 50); // eval: into the indexing itself
                return;
            }

            await Task.Delay(10);
        }
    }
}
