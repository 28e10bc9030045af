using System.Text.Json;

namespace RagPapers.Reliability;

/// <summary>
/// A serving server and two CLI writers on one store: after the writers add papers side by side and one of them
/// updates its papers, every new paper must be found by /api/search and every updated one served with its new text,
/// one second after the writers finish.
/// </summary>
internal static class FreshnessCampaign
{
    private const int PerWriter = 150;
    private const int Probes = 20;

    public static async Task<CampaignResult> RunAsync(Scale scale)
    {
        var (stale, missing, checks, writerFailures) = (0, 0, 0, 0);
        for (var round = 0; round < scale.FreshnessRounds; round++)
        {
            var folder = Repo.TempFolder("fresh");
            try
            {
                var result = await RoundAsync(folder);
                (stale, missing, checks, writerFailures) = (stale + result.Stale, missing + result.Missing, checks + result.Checks, writerFailures + result.WriterFailures);
                Console.Error.WriteLine($"  round {round + 1}: {result.Missing} missing, {result.Stale} stale of {result.Checks} checks, {result.WriterFailures} writer failures");
            }
            finally
            {
                Repo.Delete(folder);
            }
        }

        return new CampaignResult(
            "two writers + a serving server", $"{scale.FreshnessRounds} rounds × {Probes * 3} checks",
            $"{missing} missing, {stale} stale of {checks} checks; {writerFailures} writer failures",
            "0 stale or missing after 1 s", stale + missing + writerFailures == 0);
    }

    private static async Task<(int Stale, int Missing, int Checks, int WriterFailures)> RoundAsync(string folder)
    {
        var collection = Directory.CreateDirectory(Path.Combine(folder, "collection")).FullName;
        await Synthetic.WriteAsync(Path.Combine(collection, "seed.jsonl"), 5, version: 1, firstId: 90_000);
        var store = Path.Combine(folder, "store.db");
        await using var server = await ServerProcess.StartAsync(store, collection);
        var (a, b) = (Path.Combine(folder, "a.jsonl"), Path.Combine(folder, "b.jsonl"));
        await Synthetic.WriteAsync(a, PerWriter, version: 1, firstId: 0);
        await Synthetic.WriteAsync(b, PerWriter, version: 1, firstId: PerWriter);
        await WarmAsync(server);

        var writers = await Task.WhenAll(Ingest(a, store), Ingest(b, store));
        var failures = writers.Count(w => w.ExitCode != 0);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var missing = await CountMissingAsync(server, Enumerable.Range(0, Probes).Select(i => i * (2 * PerWriter / Probes)));

        await Synthetic.WriteAsync(a, PerWriter, version: 2, firstId: 0);
        failures += (await Ingest(a, store)).ExitCode != 0 ? 1 : 0;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stale = await CountStaleAsync(server, Enumerable.Range(0, Probes).Select(i => i * (PerWriter / Probes)));
        return (stale, missing, Probes * 3, failures);
    }

    private static Task<Outcome> Ingest(string file, string store) => ChildProcess.RunCliAsync(["ingest", file, "--store", store], TimeSpan.FromMinutes(3));

    private static async Task WarmAsync(ServerProcess server)
    {
        foreach (var i in Enumerable.Range(0, Probes))
        {
            using var _ = await server.Client.GetAsync(new Uri($"/api/search?q=Synthetic+paper+{i}&top=5", UriKind.Relative));
        }
    }

    private static async Task<int> CountMissingAsync(ServerProcess server, IEnumerable<int> papers)
    {
        var missing = 0;
        foreach (var i in papers)
        {
            var results = await SearchAsync(server, i);
            missing += results.Any(r => r.Id == Synthetic.Id(i)) ? 0 : 1;
        }

        return missing;
    }

    /// <summary>Both the paper (GET /api/papers/{id}) and its search passage must carry version 2.</summary>
    private static async Task<int> CountStaleAsync(ServerProcess server, IEnumerable<int> papers)
    {
        var stale = 0;
        foreach (var i in papers)
        {
            using var paper = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/papers/{Synthetic.Id(i)}", UriKind.Relative)));
            stale += paper.RootElement.GetProperty("abstract").GetString()!.StartsWith("In version 2", StringComparison.Ordinal) ? 0 : 1;
            var hit = (await SearchAsync(server, i)).FirstOrDefault(r => r.Id == Synthetic.Id(i));
            stale += hit.Passage?.StartsWith("In version 2", StringComparison.Ordinal) == true ? 0 : 1;
        }

        return stale;
    }

    private static async Task<List<(string Id, string? Passage)>> SearchAsync(ServerProcess server, int paper)
    {
        using var search = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/search?q=Synthetic+paper+{paper}&top=5", UriKind.Relative)));
        return search.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("paperId").GetString()!, r.GetProperty("passages").EnumerateArray().Select(p => p.GetProperty("text").GetString()).FirstOrDefault()))
            .ToList();
    }
}
