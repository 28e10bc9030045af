using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPapers.Configuration;
using RagPapers.Evaluation;
using RagPapers.Hosting;
using RagPapers.Ingestion;
using RagPapers.Retrieval.Spelling;
using RagPapers.Storage;

namespace RagPapers.Bench;

/// <summary>
/// The cost of spelling correction on a SciFact-size vocabulary: a BEIR corpus goes into a fresh store, then the first
/// correction (vocabulary read, candidate index and English word list built) is timed once, and every query of the
/// queries file is corrected <c>rounds</c> times: p50 and p95 per query, over all queries and over those changed.
/// </summary>
internal static class SpellingBenchmark
{
    public static async Task<int> RunAsync(string corpus, string queries, int rounds)
    {
        var store = Path.Combine(Path.GetTempPath(), $"ragpapers-spelling-{Environment.ProcessId}.db");
        var root = ContentRoot.Locate();
        var configuration = new ConfigurationBuilder()
            .AddRagPapersSources(root, new Dictionary<string, string?> { ["Store:Sqlite:Path"] = store, ["Embeddings:Provider"] = "Local" })
            .Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddRagPapers(configuration, root).BuildServiceProvider();
        try
        {
            await services.GetRequiredService<PaperLibrary>().OpenAsync();
            var ingest = Stopwatch.StartNew();
            var summary = await services.GetRequiredService<Ingestor>().IngestAsync(new BeirCorpusReader().ReadAsync(corpus), progress: null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: {summary.Added} papers in {ingest.Elapsed.TotalSeconds:0.00} s"));
            await VocabularyUpkeep.MeasureAsync(corpus, configuration.GetValue<int>("Ingestion:BatchSize", 256));
            var vocabulary = await services.GetRequiredService<IPaperIndex>().GetService<ICollectionVocabulary>()!.GetVocabularyAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vocabulary: {vocabulary.Count} words"));
            await MeasureAsync(services.GetRequiredService<QuerySpellingCorrector>(), ReadQueries(queries), rounds);
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

    private static async Task MeasureAsync(QuerySpellingCorrector corrector, string[] texts, int rounds)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var first = Stopwatch.StartNew();
        await corrector.CorrectAsync("contrastive lerning for speach represntations");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first correction (builds the index, reads the word list): {first.Elapsed.TotalMilliseconds:0.0} ms, {(GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0:0.0} MB retained"));

        var all = new List<double>();
        var changed = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                var started = Stopwatch.GetTimestamp();
                var correction = await corrector.CorrectAsync(text);
                var microseconds = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                all.Add(microseconds);
                if (correction.Changed)
                {
                    changed.Add(microseconds);
                }
            }
        }

        Report($"all {texts.Length} queries", all);
        Report($"the {changed.Count / rounds} queries corrected", changed);
    }

    private static void Report(string name, List<double> samples)
    {
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {samples[samples.Count / 2]:0.0} µs, p95 {samples[(int)(samples.Count * 0.95)]:0.0} µs, max {samples[^1]:0.0} µs (n={samples.Count})"));
    }

    private static string[] ReadQueries(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)];
}
