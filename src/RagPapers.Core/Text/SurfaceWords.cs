namespace RagPapers.Text;

/// <summary>
/// Words as they are written, before any stemming: the runs of letters and digits that <see cref="TextAnalyzer"/>
/// splits text into, the ones made of letters only, lower-cased. The collection's vocabulary counts these, and the
/// spelling corrector looks a query's words up among them, so both split text the same way.
/// </summary>
public static class SurfaceWords
{
    /// <summary>Longer runs of letters are not words (sequences, identifiers, base64) and are not counted.</summary>
    public const int MaxLength = 32;

    /// <summary>Whether <paramref name="token"/> is a word: 2 to <see cref="MaxLength"/> letters, no digit.</summary>
    public static bool IsWord(WordToken token) => token.Length is >= 2 and <= MaxLength && token.IsLetters;

    /// <summary>
    /// Whether <paramref name="token"/> of <paramref name="text"/> is a word (<see cref="IsWord"/>), and if so the word
    /// lower-cased into <paramref name="buffer"/> (at least <see cref="MaxLength"/> long).
    /// </summary>
    public static bool TryLower(string text, WordToken token, Span<char> buffer, out ReadOnlySpan<char> word)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsWord(token))
        {
            word = default;
            return false;
        }

        var written = text.AsSpan(token.Start, token.Length).ToLowerInvariant(buffer);
        word = buffer[..written];
        return true;
    }

    /// <summary>Every run of letters and digits of <paramref name="text"/>, in order, with its position.</summary>
    /// <remarks>An enumerator over the text's span: nothing is allocated, whatever the text's length.</remarks>
    public static TokenEnumerator Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TokenEnumerator(text);
    }

    /// <summary>
    /// The runs of letters and digits of a text (<see cref="Tokens"/>). ASCII is classified by its ranges, which are
    /// the only ASCII letters and digits <see cref="char.IsLetterOrDigit(char)"/> knows; other characters go through it.
    /// </summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _position;

        internal TokenEnumerator(ReadOnlySpan<char> text) => _text = text;

        public WordToken Current { get; private set; }

        /// <summary>Whether every character of <see cref="Current"/> is ASCII, so its lower case is its letters with bit 0x20 set.</summary>
        public bool CurrentIsAscii { get; private set; }

        public readonly TokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var text = _text;
            var position = _position;
            while (position < text.Length && !IsLetterOrDigit(text[position]))
            {
                position++;
            }

            if (position == text.Length)
            {
                _position = position;
                return false;
            }

            var start = position;
            var letters = true;
            var ascii = true;
            while (position < text.Length && Continues(text[position], ref letters, ref ascii))
            {
                position++;
            }

            _position = position;
            Current = new WordToken(start, position - start, letters);
            CurrentIsAscii = ascii;
            return true;
        }

        /// <summary>Whether <paramref name="c"/> is a letter or digit; a digit clears <paramref name="letters"/>, a character above U+007F <paramref name="ascii"/>.</summary>
        private static bool Continues(char c, ref bool letters, ref bool ascii)
        {
            var letter = c < 0x80 ? char.IsAsciiLetter(c) : char.IsLetter(c);
            if (!letter && !IsLetterOrDigit(c))
            {
                return false;
            }

            letters &= letter;
            ascii &= c < 0x80;
            return true;
        }

        private static bool IsLetterOrDigit(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);
    }
}
