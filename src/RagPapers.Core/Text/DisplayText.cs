using System.Buffers;

namespace RagPapers.Text;

/// <summary>
/// Text of papers as people read it: the LaTeX markup arXiv abstracts carry becomes plain text (<c>\%</c> → %,
/// <c>~</c> → space, <c>{\it x}</c> → x, <c>$\alpha$</c> → α, <c>H\"older</c> → Hölder). Every front-end shows titles,
/// quotes and abstracts through <see cref="Clean"/>; what is stored stays verbatim, and <see cref="Locate"/> maps a
/// cleaned quote back to its place in the stored text, so a quote remains checkable against its source.
/// </summary>
public static class DisplayText
{
    // Text without any of these (or "--") has no markup to clean: the common case leaves without a copy.
    private static readonly SearchValues<char> MarkupStarts = SearchValues.Create("\\~${}`");

    /// <summary>The text with its LaTeX markup turned into plain text; text without markup is returned as it is.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HasMarkup(text) ? LatexDisplayCleaner.Clean(text).Text : text;
    }

    /// <summary>
    /// Each line of the text cleaned on its own (see <see cref="Clean"/>), so a model's paragraphs and list items keep
    /// their line breaks; lines without markup are returned as they are.
    /// </summary>
    public static string CleanLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HasMarkup(text) ? string.Join('\n', text.Split('\n').Select(CleanLine)) : text;
    }

    // One line of a model's text, its indent (a nested list item's) kept: Clean alone would trim it.
    internal static string CleanLine(string line)
    {
        if (!HasMarkup(line))
        {
            return line;
        }

        var indent = line.Length - line.AsSpan().TrimStart().Length;
        return line[..indent] + Clean(line[indent..]);
    }

    /// <summary>
    /// Where <paramref name="quote"/> (verbatim or as <see cref="Clean"/> showed it) sits in <paramref name="source"/>,
    /// or null when the source does not contain it.
    /// </summary>
    public static SourceSpan? Locate(string source, string quote)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(quote);
        var verbatim = source.IndexOf(quote, StringComparison.Ordinal);
        if (verbatim >= 0)
        {
            return new SourceSpan(verbatim, quote.Length);
        }

        if (!HasMarkup(source))
        {
            return null;
        }

        var cleaned = LatexDisplayCleaner.Clean(source);
        var at = cleaned.Text.IndexOf(quote, StringComparison.Ordinal);
        return at < 0 ? null : cleaned.SourceSpanOf(at, quote.Length);
    }

    private static bool HasMarkup(string text) =>
        text.AsSpan().IndexOfAny(MarkupStarts) >= 0 || text.Contains("--", StringComparison.Ordinal);
}
