using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.FollowUps;
using RagPapers.Indexing;
using RagPapers.Ingestion;
using RagPapers.Retrieval;

namespace RagPapers.Bench;

/// <summary>
/// Ingest of the bundled collection into an empty store (wall time after start-up), then warm
/// `ask` and `search` latency percentiles, then the process's peak working set.
/// </summary>
internal static class CoreBenchmark
{
    // The first eight questions of bench/questions.txt, the list the HTTP load tools cycle through too.
    private static readonly string[] Questions = [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "questions.txt")).Take(8)];

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var store = Path.Combine(Path.GetTempPath(), $"ragpapers-bench-{Environment.ProcessId}.db");
        var services = BenchServices.Create(store, ("Embeddings:Provider", "Local"));
        try
        {
            var library = services.GetRequiredService<PaperLibrary>();
            var watch = Stopwatch.StartNew();
            var files = await library.PendingCollectionFilesAsync();
            var summary = await library.IngestAsync(files);
            await services.GetRequiredService<SemanticIndexer>().CompleteAsync(); // papers first, then their vectors
            Report("ingest bundled collection (empty store)", watch.Elapsed.TotalMilliseconds, $"{summary.Added} papers added");

            var assistant = services.GetRequiredService<PaperAssistant>();
            var retriever = services.GetRequiredService<IPaperRetriever>();
            await MeasureAsync("ask (extractive, warm)", iterations, i => assistant.AskAsync(Questions[i % Questions.Length], new Conversation()));
            await MeasureAsync("search (top 10, warm)", iterations, i => retriever.RetrieveAsync(new RetrievalRequest(Questions[i % Questions.Length], 10)));
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {self.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MB"));
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(store + suffix);
            }
        }
    }

    private static async Task MeasureAsync<T>(string name, int iterations, Func<int, Task<T>> run)
    {
        for (var i = 0; i < 50; i++)
        {
            await run(i); // warm-up: JIT, caches, vector matrix
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await run(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        Report(name, samples[iterations / 2], string.Create(CultureInfo.InvariantCulture, $"p95 {samples[(int)(iterations * 0.95)]:0.00} ms, n={iterations}"));
    }

    private static void Report(string name, double milliseconds, string detail) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {milliseconds:0.00} ms ({detail})"));
}
