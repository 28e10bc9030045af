using System.Text.Json;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>Real texts to check the tokenizer on: SciFact's abstracts (about 5,000) and the bundled papers.</summary>
internal static class TokenizerCorpora
{
    public static string SciFactCorpus => Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "scifact", "corpus.jsonl"));

    /// <summary>Every title and abstract of SciFact, one text each.</summary>
    public static IEnumerable<string> SciFactTexts()
    {
        foreach (var line in File.ReadLines(SciFactCorpus))
        {
            using var document = JsonDocument.Parse(line);
            yield return document.RootElement.GetProperty("title").GetString() ?? "";
            yield return document.RootElement.GetProperty("text").GetString() ?? "";
        }
    }

    /// <summary>The bundled collection's files, whole.</summary>
    public static IEnumerable<string> BundledTexts() => Directory.EnumerateFiles(TestPaths.PapersDir).Order(StringComparer.Ordinal).Select(File.ReadAllText);
}
