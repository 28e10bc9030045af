using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Indexing;
using RagPapers.Ingestion;
using RagPapers.Retrieval;

namespace RagPapers.Bench;

/// <summary>
/// A first run with the default (neural) embedder, in process: how soon the bundled collection answers (papers in,
/// vectors still to come), how long the background semantic index takes, and what a question costs meanwhile: a
/// keyword search while the indexer keeps the cores busy, and one short text embedded beside a batch; then the
/// hybrid search once the index is complete.
/// </summary>
internal static class SemanticIndexBenchmark
{
    private static readonly string[] Questions = [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "questions.txt")).Take(8)];

    public static async Task<int> RunAsync()
    {
        var store = Path.Combine(Path.GetTempPath(), $"ragpapers-semantic-bench-{Environment.ProcessId}.db");
        var services = BenchServices.Create(store);
        try
        {
            var library = services.GetRequiredService<PaperLibrary>();
            var retriever = services.GetRequiredService<IPaperRetriever>();
            var indexer = services.GetRequiredService<SemanticIndexer>();
            var watch = Stopwatch.StartNew();
            var summary = await library.IngestAsync(await library.PendingCollectionFilesAsync());
            await retriever.RetrieveAsync(new RetrievalRequest(Questions[0]));
            Report("papers in and a first (keyword) answer", watch.Elapsed.TotalMilliseconds, $"{summary.Added} papers; {indexer.Status.Counts}");

            await MeasureAsync(retriever, 50, () => true); // warm-up: JIT and the store's in-memory statistics
            var idle = await MeasureAsync(retriever, 100, () => true);
            Report("keyword search, indexer idle", idle);
            watch.Restart();
            indexer.StartBackground();
            var busy = await MeasureAsync(retriever, int.MaxValue, () => !indexer.Status.IsComplete, pause: TimeSpan.FromMilliseconds(50));
            Report("keyword search while the indexer runs", busy);
            Report("semantic index complete", watch.Elapsed.TotalMilliseconds, indexer.Status.Counts);

            await MeasureEmbeddingBesideABatchAsync(services);
            await MeasureAsync(retriever, 50, () => true); // warm-up of the hybrid path: the vector matrix loads once
            var hybrid = await MeasureAsync(retriever, 100, () => true);
            Report("hybrid search after completion", hybrid);
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

    /// <summary>One question embedded while a batch of 32 abstracts is being embedded: what a query waits behind the indexer.</summary>
    private static async Task MeasureEmbeddingBesideABatchAsync(IServiceProvider services)
    {
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var index = services.GetRequiredService<RagPapers.Storage.IPaperIndex>();
        var batch = new List<string>(32);
        await foreach (var paper in index.ListPapersAsync())
        {
            batch.Add(paper.Title + ". " + paper.Abstract);
            if (batch.Count == 32)
            {
                break;
            }
        }

        var alone = new List<double>();
        var beside = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            alone.Add(await TimeAsync(() => embedder.GenerateVectorAsync(Questions[i % Questions.Length])));
            var running = embedder.GenerateAsync(batch);
            await Task.Delay(20);
            beside.Add(await TimeAsync(() => embedder.GenerateVectorAsync(Questions[i % Questions.Length])));
            await running;
        }

        Report("one question embedded alone", [.. alone]);
        Report("one question embedded beside a batch of 32", [.. beside]);
    }

    private static async Task<double[]> MeasureAsync(IPaperRetriever retriever, int limit, Func<bool> keepGoing, TimeSpan? pause = null)
    {
        var samples = new List<double>();
        for (var i = 0; i < limit && keepGoing(); i++)
        {
            samples.Add(await TimeAsync(() => retriever.RetrieveAsync(new RetrievalRequest(Questions[i % Questions.Length]))));
            if (pause is { } wait)
            {
                await Task.Delay(wait); // a user's pace, not a load test: the indexer keeps the cores meanwhile
            }
        }

        return [.. samples];
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static void Report(string name, double[] samples)
    {
        Array.Sort(samples);
        Report(name, samples.Length == 0 ? 0 : samples[samples.Length / 2],
            string.Create(CultureInfo.InvariantCulture, $"p50; p95 {(samples.Length == 0 ? 0 : samples[(int)(samples.Length * 0.95)]):0.00} ms, n={samples.Length}"));
    }

    private static void Report(string name, double milliseconds, string detail) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {milliseconds:0.00} ms ({detail})"));
}
