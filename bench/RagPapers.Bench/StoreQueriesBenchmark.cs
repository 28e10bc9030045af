using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Evaluation;
using RagPapers.Ingestion;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Bench;

/// <summary>
/// <c>store-queries STORE QUERIES [WARMUP]</c>: warm query latency on an existing store, as users' questions meet it
/// (the configured retriever, default depth, MMR and spelling correction), with nothing ingested or embedded first:
/// a store whose vectors are incomplete is searched by keyword, as the CLI and the server search it meanwhile.
/// The first WARMUP questions (default 100) are untimed.
/// </summary>
internal static class StoreQueriesBenchmark
{
    public static async Task<int> RunAsync(string store, string queriesPath, int warmUp)
    {
        await using var services = BenchServices.Create(Path.GetFullPath(store));
        var watch = Stopwatch.StartNew();
        var library = services.GetRequiredService<PaperLibrary>();
        await library.OpenAsync();
        var vectors = library.Index.GetService<IDeferredVectorIndex>()?.Progress;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"opened {store} in {watch.Elapsed.TotalMilliseconds:0} ms; vectors {vectors?.Embedded:N0}/{vectors?.Total:N0}"));

        var queries = await BeirQueriesReader.ReadAsync(queriesPath);
        var retriever = services.GetRequiredService<IPaperRetriever>();
        watch.Restart();
        await retriever.RetrieveAsync(new RetrievalRequest(queries[0].Text));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first question: {watch.Elapsed.TotalMilliseconds:0} ms"));

        var samples = new List<double>();
        using var self = Process.GetCurrentProcess();
        var cpuBefore = TimeSpan.Zero;
        for (var i = 1; i < queries.Count; i++)
        {
            if (i == warmUp)
            {
                self.Refresh();
                cpuBefore = self.TotalProcessorTime;
            }

            var started = Stopwatch.GetTimestamp();
            await retriever.RetrieveAsync(new RetrievalRequest(queries[i].Text));
            if (i >= warmUp)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        self.Refresh();
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{samples.Count} questions after {warmUp} untimed: p50 {samples[samples.Count / 2]:0.0} ms, p95 {samples[samples.Count * 95 / 100]:0.0} ms, max {samples[^1]:0.0} ms, CPU {(self.TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Count:0.0} ms each, peak RSS {self.PeakWorkingSet64 / 1048576.0:0} MB"));
        return 0;
    }
}
