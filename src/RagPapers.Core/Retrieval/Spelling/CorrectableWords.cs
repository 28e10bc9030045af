using RagPapers.Text;

namespace RagPapers.Retrieval.Spelling;

/// <summary>
/// Which words of a query the spelling corrector may touch: lower-case words of <see cref="MinLength"/> letters or
/// more (capitalised only when they open a sentence), outside quotes, that are not stop words. Everything that may
/// be a name or a number is left as typed.
/// </summary>
/// <remarks>
/// Left alone: a run with a digit ("2023", "wav2vec", the "4" of "GPT-4"); a word with a capital after its first
/// letter ("BERT", "ViT", "LoRA"): acronyms and model names, which the collection may spell otherwise or not at all;
/// a capitalised word inside a sentence ("Hawking", "Deltex"): a name;
/// words between double quotes (straight, curly or guillemets), which the user wants as written; stop words; and
/// words under four letters, which have too many neighbours one edit away ("gan", "can", "man", "fan") to guess.
/// </remarks>
internal static class CorrectableWords
{
    public const int MinLength = 4;

    /// <summary>The correctable words of <paramref name="query"/>, in order.</summary>
    public static List<WordToken> Find(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = new List<WordToken>();
        var quoted = QuotedSpans(query);
        foreach (var token in SurfaceWords.Tokens(query))
        {
            if (token.IsLetters
                && token.Length is >= MinLength and <= SurfaceWords.MaxLength
                && !HasCapitalAfterFirst(query.AsSpan(token.Start, token.Length))
                && !IsCapitalisedMidSentence(query, token)
                && !quoted.Exists(q => token.Start >= q.Start && token.Start < q.End)
                && !TextAnalyzer.IsStopWord(query.Substring(token.Start, token.Length).ToLowerInvariant()))
            {
                words.Add(token);
            }
        }

        return words;
    }

    /// <summary>Edits allowed for a word of <paramref name="length"/> letters: one up to five letters, two from six.</summary>
    /// <remarks>
    /// Elasticsearch's "AUTO" fuzziness makes the same cut: two edits change more than a third of a four- or
    /// five-letter word, which then matches unrelated words as well as the intended one ("pose" is two edits from
    /// "nose", "post", "dose", "rise", "poses").
    /// </remarks>
    public static int MaxEdits(int length) => length >= 6 ? 2 : 1;

    // "Hawking radiation", "the Sistine Chapel": a capital inside a sentence marks a name.
    private static bool IsCapitalisedMidSentence(string query, WordToken token)
    {
        if (!char.IsUpper(query[token.Start]))
        {
            return false;
        }

        var before = query.AsSpan(0, token.Start).TrimEnd();
        return before.Length > 0 && before[^1] is not ('.' or '?' or '!' or ':' or ';' or '(' or '"' or '\u201C' or '\u00AB');
    }

    private static bool HasCapitalAfterFirst(ReadOnlySpan<char> word)
    {
        foreach (var c in word[1..])
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Spans between double quotes; a quote left open runs to the end of the query.</summary>
    private static List<(int Start, int End)> QuotedSpans(string query)
    {
        var spans = new List<(int Start, int End)>();
        var open = -1;
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] is not ('"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB'))
            {
                continue;
            }

            if (open < 0)
            {
                open = i;
            }
            else
            {
                spans.Add((open, i));
                open = -1;
            }
        }

        if (open >= 0)
        {
            spans.Add((open, query.Length));
        }

        return spans;
    }
}
