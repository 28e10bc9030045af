using RagPapers.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Turns user text into safe FTS5 MATCH expressions: every term is quoted (so AND, NEAR, *, -, :, parentheses
/// lose their syntax meaning) and the terms are OR-ed, leaving the ranking to BM25.
/// </summary>
internal static class FtsQuery
{
    // A pasted paragraph should not become a query with hundreds of terms.
    private const int MaxTerms = 64;

    /// <summary>The distinct searchable terms of <paramref name="text"/>, lower-cased, stop words dropped.</summary>
    public static IReadOnlyList<string> Terms(string text) =>
        TextAnalyzer.Tokens(text)
            .Where(t => (t.Length > 1 || char.IsDigit(t[0])) && !TextAnalyzer.IsStopWord(t))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToArray();

    /// <summary>One term as a quoted FTS5 string, which the table's tokenizer (porter) stems like indexed text.</summary>
    public static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The OR of the quoted terms.</summary>
    public static string Match(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(Quote));
}
