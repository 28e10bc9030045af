using System.Buffers;
using System.Text;

namespace RagPapers.Text;

/// <summary>
/// <see cref="DisplayText.CleanLines"/> for text that arrives in pieces (a model's streamed answer): each piece
/// returns the cleaned text that can be shown now, and the pieces concatenate to the cleaned whole.
/// </summary>
/// <remarks>
/// A construct may span pieces ("$\al" then "pha$", "5\" then "%"), so the current line is held back from its last
/// safe cut: after a space, outside math and brace groups, not after a lone backslash; a last word with nothing
/// that could start markup is shown at once, so plain text streams as it comes. What cleaning shows for a prefix
/// cut there is what it shows for the whole line. Should cleaning later text still change what was
/// already shown, the rest of that line is withheld rather than shown wrong; the final answer, which the
/// front-ends treat as the authority when it differs from the stream, carries it.
/// </remarks>
public sealed class DisplayTextStream
{
    // Characters a construct may start or continue with: a last word holding one waits for the next space.
    private static readonly SearchValues<char> MarkupChars = SearchValues.Create("\\~${}`'-");

    private readonly StringBuilder _line = new();
    private string? _shown = "";

    /// <summary>Takes the next piece and returns the cleaned text that can be shown now (possibly empty).</summary>
    public string Append(string piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var output = new StringBuilder();
        var start = 0;
        for (var newline = piece.IndexOf('\n', start); newline >= 0; newline = piece.IndexOf('\n', start))
        {
            _line.Append(piece, start, newline - start);
            output.Append(Advance(lineComplete: true)).Append('\n');
            _line.Clear();
            _shown = "";
            start = newline + 1;
        }

        _line.Append(piece, start, piece.Length - start);
        return output.Append(Advance(lineComplete: false)).ToString();
    }

    /// <summary>The cleaned text held back, once the last piece has arrived.</summary>
    public string Flush()
    {
        var rest = Advance(lineComplete: true);
        _line.Clear();
        _shown = "";
        return rest;
    }

    private string Advance(bool lineComplete)
    {
        if (_shown is null)
        {
            return "";
        }

        var raw = _line.ToString();
        var cleaned = DisplayText.CleanLine(raw[..(lineComplete ? raw.Length : SafeCut(raw))]);
        if (_shown.StartsWith(cleaned, StringComparison.Ordinal))
        {
            return ""; // the cut moved back (a word shown at once turned out to start markup): nothing new yet
        }

        if (!cleaned.StartsWith(_shown, StringComparison.Ordinal))
        {
            _shown = null;
            return "";
        }

        var fresh = cleaned[_shown.Length..];
        _shown = cleaned;
        return fresh;
    }

    // The end of the longest prefix that ends in whitespace outside any math span or brace group, or the whole line
    // when its last word cannot be (the start of) markup.
    private static int SafeCut(string line)
    {
        var (cut, depth, math) = (0, 0, false);
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\' when i + 1 >= line.Length:
                    return cut;
                case '\\':
                    i++; // an escaped character ("\%", "\$", "\{") opens nothing
                    break;
                case '$':
                    math = !math;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case var c when char.IsWhiteSpace(c) && depth == 0 && !math:
                    cut = i + 1;
                    break;
            }
        }

        return depth == 0 && !math && line.AsSpan(cut).IndexOfAny(MarkupChars) < 0 ? line.Length : cut;
    }
}
