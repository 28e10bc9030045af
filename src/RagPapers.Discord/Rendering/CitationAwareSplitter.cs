using System.Text;
using System.Text.RegularExpressions;
using RagPapers.Text;

namespace RagPapers.Discord.Rendering;

/// <summary>
/// Splits text into pieces that fit a Discord limit. Cuts fall between lines or sentences, and a sentence keeps
/// the citation markers that follow it ("… datasets. [1]"), so no piece starts with another sentence's [n] and
/// no [n] is ever cut in half. Only a single sentence longer than the limit is cut between words.
/// </summary>
internal static partial class CitationAwareSplitter
{
    /// <summary>Pieces of <paramref name="text"/>, each at most <paramref name="maxLength"/> characters, in order; none for blank text.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var previousEnd = -1;
        foreach (var unit in Units(text))
        {
            var (start, end) = (unit.Start.Value, unit.End.Value);
            var separator = previousEnd < 0 ? "" : text[previousEnd..start]; // the original space or line break
            previousEnd = end;
            if (piece.Length > 0 && piece.Length + separator.Length + (end - start) <= maxLength)
            {
                piece.Append(separator).Append(text, start, end - start);
                continue;
            }

            Flush(pieces, piece);
            var parts = SplitLong(text[start..end], maxLength);
            pieces.AddRange(parts.Take(parts.Count - 1));
            piece.Append(parts[^1]); // the tail of a long sentence may share a piece with what follows
        }

        Flush(pieces, piece);
        return pieces;
    }

    /// <summary>
    /// Where to cut <paramref name="text"/> so the head is at most <paramref name="maxLength"/> characters: the last
    /// space that is neither inside a citation nor just before one; failing that a hard cut that still avoids a
    /// citation, an escape ("\*") and a surrogate pair.
    /// </summary>
    public static int CutPoint(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text.Length;
        }

        var citations = Citation().Matches(text);
        for (var i = maxLength; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]) && !Inside(citations, i) && !CitationFollows(text, i))
            {
                return i;
            }
        }

        var hard = maxLength;
        while (hard > 1 && (Inside(citations, hard) || char.IsLowSurrogate(text[hard]) || text[hard - 1] == '\\'))
        {
            hard--;
        }

        return hard > 1 ? hard : maxLength;
    }

    /// <summary>Sentence units of each line, as ranges of <paramref name="text"/>, with trailing citations attached to their sentence.</summary>
    internal static IReadOnlyList<Range> Units(string text)
    {
        var units = new List<Range>();
        var lineStart = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', lineStart);
            AddLineUnits(units, text, lineStart, newline < 0 ? text.Length : newline);
            if (newline < 0)
            {
                return units;
            }

            lineStart = newline + 1;
        }
    }

    private static void AddLineUnits(List<Range> units, string text, int lineStart, int lineEnd)
    {
        var line = text[lineStart..lineEnd];
        var firstOfLine = units.Count;
        foreach (var sentence in SentenceSplitter.Split(line))
        {
            var (offset, length) = sentence.GetOffsetAndLength(line.Length);
            var start = lineStart + offset;
            var end = start + length;
            var lead = LeadingCitations().Match(text, start, length);
            if (lead.Success && units.Count > firstOfLine)
            {
                // "… datasets. [1] Based on …": the [1] closes the previous sentence.
                units[^1] = units[^1].Start..(start + lead.Value.TrimEnd().Length);
                start += lead.Length;
            }

            if (end > start)
            {
                units.Add(start..end);
            }
        }
    }

    private static List<string> SplitLong(string sentence, int maxLength)
    {
        var parts = new List<string>();
        var rest = sentence;
        while (rest.Length > maxLength)
        {
            var cut = CutPoint(rest, maxLength);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        parts.Add(rest);
        return parts;
    }

    private static void Flush(List<string> pieces, StringBuilder piece)
    {
        if (piece.Length > 0)
        {
            pieces.Add(piece.ToString());
            piece.Clear();
        }
    }

    private static bool Inside(MatchCollection citations, int cut) =>
        citations.Any(m => m.Index < cut && cut < m.Index + m.Length);

    private static bool CitationFollows(string text, int space)
    {
        var next = space;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= text.Length || text[next] != '[')
        {
            return false;
        }

        var citation = Citation().Match(text, next);
        return citation.Success && citation.Index == next;
    }

    [GeneratedRegex(@"\[\d+(?:\s*[,;\u2013-]\s*\d+)*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^(?:\[\d+(?:\s*[,;\u2013-]\s*\d+)*\]\s*)+")]
    private static partial Regex LeadingCitations();
}
