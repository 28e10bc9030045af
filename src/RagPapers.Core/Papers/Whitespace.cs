using System.Buffers;
using System.Text;

namespace RagPapers.Papers;

/// <summary>Whitespace clean-up shared by the readers: sources hard-wrap titles and abstracts, the index wants one line.</summary>
internal static class Whitespace
{
    // Whitespace other than the plain space; any of these, or two spaces in a row, means the text needs work.
    private static readonly SearchValues<char> OddWhitespace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    /// <summary>Every run of whitespace (newlines, tabs, non-breaking spaces) becomes one space; ends are trimmed.</summary>
    public static string Collapse(string text)
    {
        // Most lines are already clean; the vectorized checks let them through without a copy.
        var span = text.AsSpan();
        if (span.IndexOfAny(OddWhitespace) < 0 && !span.Contains("  ", StringComparison.Ordinal)
            && (span.Length == 0 || (span[0] != ' ' && span[^1] != ' ')))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
