using System.Buffers;
using System.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// FTS5's <c>tokenize='porter unicode61'</c> (default options) for text that is pure ASCII, where unicode61 is simple:
/// letters and digits are token characters, A–Z fold to a–z, every other ASCII character separates; then porter stems
/// each token (<see cref="FtsPorterStemmer"/>) and FTS5 keeps at most <see cref="MaxTermLength"/> bytes of it. Text
/// with any other character goes through FTS5 itself: unicode61's tables for the rest of Unicode are not ported.
/// </summary>
internal static class FtsAsciiTokenizer
{
    /// <summary>FTS5 cuts longer tokens to this many bytes before indexing them (FTS5_MAX_TOKEN_SIZE).</summary>
    public const int MaxTermLength = 32768;

    private static readonly SearchValues<char> TokenChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>True when this tokenizer gives exactly FTS5's tokens for <paramref name="text"/> (it is all ASCII).</summary>
    public static bool Handles(string text) => Ascii.IsValid(text);

    /// <summary>The terms of <paramref name="text"/> in order, as FTS5 indexes them; the text must be ASCII (<see cref="Handles"/>).</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        var buffer = new char[FtsPorterStemmer.MaxLength];
        var tokens = new Tokens(text);
        while (tokens.MoveNext())
        {
            var token = tokens.Current;
            if (token.Length > FtsPorterStemmer.MaxLength)
            {
                terms.Add(Lower(token[..Math.Min(token.Length, MaxTermLength)]));
                continue;
            }

            Ascii.ToLower(token, buffer, out var length);
            terms.Add(new string(buffer, 0, FtsPorterStemmer.Stem(buffer.AsSpan(0, length))));
        }

        return terms;
    }

    private static string Lower(ReadOnlySpan<char> token) => string.Create(token.Length, token.ToString(), (span, source) => Ascii.ToLower(source, span, out _));

    /// <summary>The runs of letters and digits of an ASCII text, as spans of it.</summary>
    public ref struct Tokens(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _at;

        public ReadOnlySpan<char> Current { get; private set; }

        public bool MoveNext()
        {
            var start = _text[_at..].IndexOfAny(TokenChars);
            if (start < 0)
            {
                _at = _text.Length;
                return false;
            }

            start += _at;
            var length = _text[start..].IndexOfAnyExcept(TokenChars);
            length = length < 0 ? _text.Length - start : length;
            Current = _text.Slice(start, length);
            _at = start + length;
            return true;
        }
    }
}
