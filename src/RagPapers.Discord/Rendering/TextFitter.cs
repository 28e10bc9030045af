namespace RagPapers.Discord.Rendering;

/// <summary>Shortens a title or a quote to a limit at a word boundary, marking the cut with "…".</summary>
internal static class TextFitter
{
    public const string Ellipsis = "\u2026";

    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = CitationAwareSplitter.CutPoint(text, maxLength - Ellipsis.Length);
        return text[..cut].TrimEnd() + Ellipsis;
    }
}
