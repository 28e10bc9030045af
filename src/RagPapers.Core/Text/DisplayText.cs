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
