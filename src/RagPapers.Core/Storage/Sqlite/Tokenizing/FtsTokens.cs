using System.Buffers;
using System.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The tokens FTS5's unicode61 makes of a text, folded, into a buffer the caller owns. Pure ASCII text, most of what is
/// ingested, takes a vectorized path: letters and digits are token characters, A–Z fold to a–z, every other ASCII
/// character separates; any other text goes code point by code point (<see cref="Unicode61Tokens"/>).
/// </summary>
internal ref struct FtsTokens
{
    private static readonly SearchValues<char> TokenChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly ReadOnlySpan<char> _text;
    private readonly bool _ascii;
    private Unicode61Tokens _unicode;
    private int _at;

    public FtsTokens(ReadOnlySpan<char> text)
    {
        _text = text;
        _ascii = Ascii.IsValid(text);
        _unicode = new Unicode61Tokens(text);
    }

    /// <summary>Writes the next token, folded, into <paramref name="buffer"/> (grown as needed); false at the end of the text.</summary>
    public bool MoveNext(ref char[] buffer, out int length)
    {
        if (!_ascii)
        {
            return _unicode.MoveNext(ref buffer, out length);
        }

        length = 0;
        var start = _text[_at..].IndexOfAny(TokenChars);
        if (start < 0)
        {
            _at = _text.Length;
            return false;
        }

        start += _at;
        var run = _text[start..].IndexOfAnyExcept(TokenChars);
        run = run < 0 ? _text.Length - start : run;
        if (buffer.Length < run)
        {
            buffer = new char[Math.Max(run, buffer.Length * 2)];
        }

        Ascii.ToLower(_text.Slice(start, run), buffer, out length);
        _at = start + run;
        return true;
    }
}
