using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Configuration;
using RagPapers.Hosting;
using RagPapers.Ingestion;
using RagPapers.Retrieval;
using RagPapers.Storage;
using RagPapers.Testing.Qdrant;

namespace RagPapers.Bench;

/// <summary>
/// Warm `search` latency on the Qdrant store, in-process, against the loopback gRPC stand-in holding the bundled
/// collection: the hybrid path (one Points/Query call with two prefetches fused by RRF) against the two-call path
/// (keyword and dense queries, fused by the retriever) that the server took while its store decorator hid the
/// capability. It measures the client, the wire and the stand-in's brute-force scoring, not a real Qdrant.
/// </summary>
internal static class QdrantSearchBenchmark
{
    private static readonly string[] Questions = [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "questions.txt")).Take(8)];

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        await using var standIn = await QdrantStandIn.StartAsync();
        var root = ContentRoot.Locate();
        var configuration = new ConfigurationBuilder()
            .AddRagPapersSources(root, new Dictionary<string, string?>
            {
                ["Store:Provider"] = "Qdrant",
                ["Store:Qdrant:Url"] = standIn.Url.ToString(),
                ["Embeddings:Provider"] = "Local",
            })
            .Build();
        await using var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddRagPapers(configuration, root).BuildServiceProvider();
        var library = services.GetRequiredService<PaperLibrary>();
        var summary = await library.IngestAsync(await library.PendingCollectionFilesAsync());
        Console.WriteLine($"ingested {summary.Added} papers into the stand-in at {standIn.Url}");

        var index = services.GetRequiredService<IPaperIndex>();
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var options = services.GetRequiredService<IOptions<RetrievalOptions>>();
        var hybrid = new Retriever(index, embedder, options, NullLogger<Retriever>.Instance);
        var twoCalls = new Retriever(new WithoutHybridSearch(index), embedder, options, NullLogger<Retriever>.Instance);
        await CompareAsync(standIn, iterations, [
            ("search on Qdrant, hybrid (one Query call)", i => hybrid.RetrieveAsync(new RetrievalRequest(Questions[i % Questions.Length], 10))),
            ("search on Qdrant, two calls fused in the retriever", i => twoCalls.RetrieveAsync(new RetrievalRequest(Questions[i % Questions.Length], 10))),
        ]);
        return 0;
    }

    // The paths take turns, one search each, so a machine that gets busier or quieter meanwhile weighs on both alike.
    private static async Task CompareAsync(QdrantStandIn standIn, int iterations, (string Name, Func<int, Task<RetrievalResult>> Run)[] paths)
    {
        for (var i = 0; i < 30; i++)
        {
            foreach (var path in paths)
            {
                await path.Run(i);
            }
        }

        var samples = paths.Select(_ => new double[iterations]).ToArray();
        var queries = new int[paths.Length];
        var calls = new int[paths.Length];
        for (var i = 0; i < iterations; i++)
        {
            for (var p = 0; p < paths.Length; p++)
            {
                standIn.ClearCalls();
                var start = Stopwatch.GetTimestamp();
                await paths[p].Run(i);
                samples[p][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                queries[p] += standIn.CallsTo("Points/Query").Count;
                calls[p] += standIn.Calls.Count;
            }
        }

        for (var p = 0; p < paths.Length; p++)
        {
            Array.Sort(samples[p]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{paths[p].Name}: p50 {samples[p][iterations / 2]:0.00} ms, p95 {samples[p][(int)(iterations * 0.95)]:0.00} ms, {(double)queries[p] / iterations:0.#} Query + {(double)(calls[p] - queries[p]) / iterations:0.#} other calls per search, n={iterations}"));
        }
    }
}
