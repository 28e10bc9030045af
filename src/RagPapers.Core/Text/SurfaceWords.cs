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

    /// <summary>
    /// Whether <paramref name="token"/> of <paramref name="text"/> is a word (2 to <see cref="MaxLength"/> letters, no
    /// digit), and if so the word lower-cased into <paramref name="buffer"/> (at least <see cref="MaxLength"/> long).
    /// </summary>
    public static bool TryLower(string text, WordToken token, Span<char> buffer, out ReadOnlySpan<char> word)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (token.Length is < 2 or > MaxLength || !token.IsLetters)
        {
            word = default;
            return false;
        }

        var written = text.AsSpan(token.Start, token.Length).ToLowerInvariant(buffer);
        word = buffer[..written];
        return true;
    }

    /// <summary>Every run of letters and digits of <paramref name="text"/>, in order, with its position.</summary>
    public static IEnumerable<WordToken> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && !char.IsLetterOrDigit(text[position]))
            {
                position++;
            }

            var start = position;
            var letters = true;
            while (position < text.Length && char.IsLetterOrDigit(text[position]))
            {
                letters &= char.IsLetter(text[position]);
                position++;
            }

            if (position > start)
            {
                yield return new WordToken(start, position - start, letters);
            }
        }
    }
}
