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

    /// <summary>The distinct lower-cased words of <paramref name="text"/> (2 to <see cref="MaxLength"/> letters), added to <paramref name="words"/>.</summary>
    public static void AddDistinct(string text, ISet<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        foreach (var token in Tokens(text))
        {
            if (token.Length is >= 2 and <= MaxLength && token.IsLetters)
            {
                words.Add(text.Substring(token.Start, token.Length).ToLowerInvariant());
            }
        }
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
