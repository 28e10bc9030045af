using System.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// FTS5's unicode61 tokenizer (default options) over any text: the tokens, folded, one after another, into a buffer
/// the caller owns. ASCII letters and digits fold to lower case; above ASCII, <see cref="Unicode61Table"/> (SQLite's
/// own table) says which code points start a token, which only continue one and what each folds to. A lone surrogate
/// reaches SQLite as U+FFFD, and is read so here.
/// </summary>
internal ref struct Unicode61Tokens(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _at;

    /// <summary>Writes the next token into <paramref name="buffer"/> (grown as needed); false at the end of the text.</summary>
    public bool MoveNext(ref char[] buffer, out int length)
    {
        length = 0;
        if (!SkipSeparators())
        {
            return false;
        }

        while (_at < _text.Length)
        {
            var (codePoint, width) = Read();
            if (codePoint < 0x80)
            {
                if (!char.IsAsciiLetterOrDigit((char)codePoint))
                {
                    break;
                }

                Append(ref buffer, ref length, char.ToLowerInvariant((char)codePoint));
            }
            else
            {
                var (kind, fold) = Unicode61Table.Of(codePoint);
                if (kind == CodePointKind.Separator)
                {
                    break;
                }

                if (fold != 0)
                {
                    Append(ref buffer, ref length, fold);
                }
            }

            _at += width;
        }

        return true;
    }

    /// <summary>Moves to the next code point that starts a token: an ASCII letter or digit, or one unicode61 counts alnum.</summary>
    private bool SkipSeparators()
    {
        while (_at < _text.Length)
        {
            var (codePoint, width) = Read();
            var starts = codePoint < 0x80 ? char.IsAsciiLetterOrDigit((char)codePoint) : Unicode61Table.Of(codePoint).Kind == CodePointKind.Alnum;
            if (starts)
            {
                return true;
            }

            _at += width;
        }

        return false;
    }

    private readonly (int CodePoint, int Width) Read()
    {
        var c = _text[_at];
        if (c < 0x80)
        {
            return (c, 1);
        }

        Rune.DecodeFromUtf16(_text[_at..], out var rune, out var width);
        return (rune.Value, width);
    }

    private static void Append(ref char[] buffer, ref int length, int codePoint)
    {
        if (buffer.Length < length + 2)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        length += new Rune(codePoint).EncodeToUtf16(buffer.AsSpan(length));
    }
}
