using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Evaluation;
using RagPapers.Ingestion;

namespace RagPapers.Bench;

/// <summary>
/// <c>keyword-final STORE QUERIES OUT [TOP]</c>: each question's final keyword hits (after feedback) as the store's
/// <c>KeywordSearchAsync</c> returns them (default TOP 100), written to OUT with the scores' exact bits, so two builds'
/// rankings are compared byte for byte with <c>cmp</c>. Every question is searched twice, the first time untimed
/// (warm pages); the second is timed and written.
/// </summary>
internal static class KeywordFinalBenchmark
{
    public static async Task<int> RunAsync(string store, string queriesPath, string output, int top)
    {
        await using var services = BenchServices.Create(Path.GetFullPath(store));
        var library = services.GetRequiredService<PaperLibrary>();
        await library.OpenAsync();
        var queries = await BeirQueriesReader.ReadAsync(queriesPath);
        foreach (var query in queries)
        {
            await library.Index.KeywordSearchAsync(query.Text, top);
        }

        var samples = new List<double>(queries.Count);
        await using var writer = new StreamWriter(output);
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var hits = await library.Index.KeywordSearchAsync(query.Text, top);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var hit in hits)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{query.Id}\t{hit.PaperId}\t{hit.Ordinal}\t{BitConverter.DoubleToInt64Bits(hit.Score):X16}"));
            }
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} keyword searches of {top}: p50 {samples[samples.Count / 2]:0.00} ms, p95 {samples[samples.Count * 95 / 100]:0.00} ms, mean {samples.Average():0.00} ms"));
        return 0;
    }
}
