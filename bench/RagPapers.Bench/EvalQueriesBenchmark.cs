using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Evaluation;
using RagPapers.Indexing;
using RagPapers.Ingestion;
using RagPapers.Retrieval;

namespace RagPapers.Bench;

/// <summary>
/// The query half of <c>ragpapers eval</c> alone, repeated: a BEIR corpus indexed once into a store kept between runs
/// (the embedder as configured), then its queries ranked as the evaluation ranks them (100 deep, no MMR, no spelling
/// correction) for several rounds, so the query path can be profiled and its percentiles read without re-indexing.
/// </summary>
internal static class EvalQueriesBenchmark
{
    public static async Task<int> RunAsync(string store, string corpus, string queriesPath, int rounds)
    {
        await using var services = BenchServices.Create(store, ("Collection:AutoIngest", "false"));
        var library = services.GetRequiredService<PaperLibrary>();
        await library.OpenAsync();
        if (await library.Index.CountPapersAsync() == 0)
        {
            var watch = Stopwatch.StartNew();
            await services.GetRequiredService<Ingestor>().IngestAsync(new BeirCorpusReader().ReadAsync(corpus), progress: null);
            await services.GetRequiredService<SemanticIndexer>().CompleteAsync(progress: null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexed {corpus} in {watch.Elapsed.TotalSeconds:0.0} s"));
        }
        else
        {
            await services.GetRequiredService<SemanticIndexer>().CompleteAsync(progress: null);
        }

        var queries = await BeirQueriesReader.ReadAsync(queriesPath);
        var retriever = services.GetRequiredService<IPaperRetriever>();
        var samples = new List<double>();
        var firstRound = new List<double>();
        using var self = Process.GetCurrentProcess();
        var cpu = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                await retriever.RetrieveAsync(new RetrievalRequest(query.Text, 100, Diversify: false, CorrectSpelling: false));
                (round > 0 ? samples : firstRound).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            self.Refresh();
            cpu += round > 0 ? self.TotalProcessorTime - cpuBefore : TimeSpan.Zero;
        }

        samples.Sort();
        firstRound.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first round (papers met for the first time): p50 {firstRound[firstRound.Count / 2]:0.00} ms"));
        await PartsAsync(services, queries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"queries: {samples.Count}, CPU {cpu.TotalMilliseconds / samples.Count:0.00} ms each, p50 {samples[samples.Count / 2]:0.00} ms, p95 {samples[(int)(samples.Count * 0.95)]:0.00} ms, peak working set {self.PeakWorkingSet64 / 1048576.0:0} MB"));
        return 0;
    }

    // Each stage of a query alone, over the same queries, to see where a retrieval's time goes.
    private static async Task PartsAsync(IServiceProvider services, IReadOnlyList<BeirQuery> queries)
    {
        var index = services.GetRequiredService<PaperLibrary>().Index;
        var embedder = services.GetRequiredService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>();
        var vectors = new ReadOnlyMemory<float>[queries.Count];
        Report("embed (distinct, uncached)", await TimeAsync(queries.Count, async i => vectors[i] = (await embedder.GenerateAsync([queries[i].Text + " ."]))[0].Vector));
        Report("keyword search 300", await TimeAsync(queries.Count, i => index.KeywordSearchAsync(queries[i].Text, 300)));
        Report("vector search 300", await TimeAsync(queries.Count, i => index.VectorSearchAsync(vectors[i], 300)));
        var ids = new string[queries.Count][];
        for (var i = 0; i < queries.Count; i++)
        {
            ids[i] = [.. (await index.VectorSearchAsync(vectors[i], 300)).Select(h => h.PaperId).Distinct().Take(100)];
        }

        var byText = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        for (var i = 0; i < queries.Count; i++)
        {
            byText[queries[i].Text] = (await embedder.GenerateAsync([queries[i].Text]))[0].Vector;
        }

        var withoutEmbedder = new Retriever(
            index, new PrecomputedEmbeddings(byText), services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetrievalOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Retriever>.Instance);
        Report("retrieve 100 deep, question embedded beforehand", await TimeAsync(queries.Count, i => withoutEmbedder.RetrieveAsync(new RetrievalRequest(queries[i].Text, 100, Diversify: false, CorrectSpelling: false))));
        Report("papers 100", await TimeAsync(queries.Count, i => index.GetPapersAsync(ids[i])));
        Report("chunks of 100 papers", await TimeAsync(queries.Count, i => index.GetChunksAsync(ids[i])));
    }

    private static async Task<(double[] Sorted, double CpuMs)> TimeAsync(int count, Func<int, Task> run)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run(i);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        self.Refresh();
        return (samples, (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / count);
    }

    private static void Report(string name, (double[] Sorted, double CpuMs) timed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: CPU {timed.CpuMs:0.000} ms each, p50 {timed.Sorted[timed.Sorted.Length / 2]:0.00} ms, mean {timed.Sorted.Average():0.00} ms"));
}
