using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagPapers.Generate;

/// <summary>The sentences, titles and abstract lengths (in sentences) of a BEIR corpus, read line by line.</summary>
internal sealed partial class SentencePool
{
    public List<string> Sentences { get; } = [];

    public List<string> Titles { get; } = [];

    /// <summary>Sentences per abstract, one entry per abstract: drawn from, so generated abstracts are as long as real ones.</summary>
    public List<int> Lengths { get; } = [];

    public int Abstracts => Lengths.Count;

    public static async Task<SentencePool> ReadAsync(string path)
    {
        var pool = new SentencePool();
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var record = JsonDocument.Parse(line);
            var text = record.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            var title = record.RootElement.TryGetProperty("title", out var h) ? h.GetString() ?? "" : "";
            var sentences = SentenceEnd().Split(text.Trim()).Where(s => s.Length > 0).ToArray();
            if (sentences.Length == 0 || title.Length == 0)
            {
                continue;
            }

            pool.Sentences.AddRange(sentences);
            pool.Titles.Add(title.TrimEnd('.'));
            pool.Lengths.Add(sentences.Length);
        }

        return pool.Abstracts > 0 ? pool : throw new InvalidDataException($"{path} holds no record with a title and a text.");
    }

    // A sentence ends at . ! or ? followed by white space and a capital or digit; abbreviations like "e.g. the" stay whole.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9])")]
    private static partial Regex SentenceEnd();
}
