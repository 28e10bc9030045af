using System.Text.Json;

namespace RagPapers.MiniLm.Bench;

/// <summary>The texts the benchmark embeds: SciFact abstracts as the ingestion embeds them (title, ". ", text), and test claims.</summary>
internal static class SciFact
{
    public const string DefaultFolder = "../shared/data/scifact";

    public static List<string> Abstracts(string folder, int count) =>
        [.. File.ReadLines(Path.Combine(folder, "corpus.jsonl")).Take(count).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("title").GetString() + ". " + json.RootElement.GetProperty("text").GetString();
        })];

    public static List<string> TestClaims(string folder)
    {
        var judged = File.ReadLines(Path.Combine(folder, "qrels-test.tsv")).Skip(1).Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal);
        return [.. File.ReadLines(Path.Combine(folder, "queries.jsonl")).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return (Id: json.RootElement.GetProperty("_id").GetString()!, Text: json.RootElement.GetProperty("text").GetString()!);
        }).Where(q => judged.Contains(q.Id)).Select(q => q.Text)];
    }
}
