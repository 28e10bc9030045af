namespace RagPapers.Text;

/// <summary>
/// The one tokenizer every offline component shares (local embedder, relevance, sentence scoring):
/// lower-cased alphanumeric tokens, English stop words dropped, a light suffix stemmer so
/// "videos"/"video" and "learning"/"learned" meet.
/// </summary>
public static class TextAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "during", "each", "either", "etc",
        "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
        "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much",
        "must", "my", "no", "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "then", "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon",
        "us", "use", "used", "uses", "using", "very", "via", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "paper", "papers",
        "propose", "proposed", "proposes", "present", "presents", "show", "shows", "work", "approach", "method", "methods",
        "new", "novel", "based", "tell", "find", "know", "anything", "something", "any", "there", "explain", "describe",
        "study", "studies", "research", "does", "did", "let", "lets", "way", "ways", "many", "make", "makes",
    };

    // Longer tokens (URLs, sequences) are lower-cased into an array of their own.
    private const int MaxBufferedToken = 128;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordSpans = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Stemmed content terms of <paramref name="text"/>, in order, duplicates kept.</summary>
    public static List<string> Terms(string text)
    {
        // The tokens of Tokens, lower-cased into a buffer, checked and stemmed there: one string per term instead of
        // three (token, lower-cased copy, stem), which made analysis the main cost of scoring a paper's abstract.
        var terms = new List<string>();
        Span<char> buffer = stackalloc char[MaxBufferedToken];
        var position = 0;
        while (NextToken(text, ref position, out var start, out var length))
        {
            var token = text.AsSpan(start, length);
            var lower = token.Length <= buffer.Length ? buffer[..token.Length] : new char[token.Length];
            token.ToLowerInvariant(lower);
            if (lower.Length > 1 && !StopWordSpans.Contains(lower))
            {
                terms.Add(StemToString(lower));
            }
        }

        return terms;
    }

    /// <summary>Lower-cased alphanumeric tokens of <paramref name="text"/>, stop words included.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var position = 0;
        while (NextToken(text, ref position, out var start, out var length))
        {
            yield return text.Substring(start, length).ToLowerInvariant();
        }
    }

    /// <summary>The next run of letters and digits at or after <paramref name="position"/>, which moves past it.</summary>
    private static bool NextToken(string text, ref int position, out int start, out int length)
    {
        while (position < text.Length && !char.IsLetterOrDigit(text[position]))
        {
            position++;
        }

        start = position;
        while (position < text.Length && char.IsLetterOrDigit(text[position]))
        {
            position++;
        }

        length = position - start;
        return length > 0;
    }

    public static bool IsStopWord(string token) => StopWords.Contains(token);

    /// <summary>A light English stemmer: strips the common inflectional suffixes only, which is enough for matching.</summary>
    public static string Stem(string word)
    {
        var stem = StemOf(word, out var y);
        return y ? string.Concat(stem, "y") : stem.Length == word.Length ? word : new string(stem);
    }

    private static string StemToString(ReadOnlySpan<char> word)
    {
        var stem = StemOf(word, out var y);
        return y ? string.Concat(stem, "y") : new string(stem);
    }

    /// <summary>The stem as a slice of <paramref name="word"/>, and whether a 'y' follows it ("studies": "stud" and y).</summary>
    private static ReadOnlySpan<char> StemOf(ReadOnlySpan<char> word, out bool y)
    {
        y = false;
        if (word.Length <= 3 || char.IsDigit(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies") && word.Length > 4)
        {
            y = true;
            return word[..^3];
        }

        if (word.EndsWith("sses"))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is"))
        {
            word = word[..^1];
        }

        if (word.EndsWith("ing") && word.Length > 5)
        {
            return Undouble(word[..^3]);
        }

        if (word.EndsWith("ed") && word.Length > 4)
        {
            return Undouble(word[..^2]);
        }

        return word;
    }

    private static ReadOnlySpan<char> Undouble(ReadOnlySpan<char> stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}
