namespace RagPapers.Text;

/// <summary>Splits abstract text into sentences as ranges of the original string, so every sentence is quotable verbatim.</summary>
public static class SentenceSplitter
{
    // Abbreviations that end with a period but rarely end a sentence in abstracts.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "et al", "al", "fig", "figs", "eq", "eqs", "vs", "etc", "cf", "resp", "approx", "sec", "no", "dr", "mr", "ms", "st", "ref", "refs", "tab", "ca",
    };

    /// <summary>Sentence ranges of <paramref name="text"/>, trimmed, in order; each is non-empty.</summary>
    public static IReadOnlyList<Range> Split(string text)
    {
        var sentences = new List<Range>();
        var start = SkipSpace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            if (!IsTerminator(text[i]) || !EndsSentence(text, i))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && IsCloser(text[end]))
            {
                end++;
            }

            Add(sentences, text, start, end);
            start = SkipSpace(text, end);
            i = start - 1;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    /// <summary>The sentences of <paramref name="text"/> as strings.</summary>
    public static IReadOnlyList<string> SplitToStrings(string text) => Split(text).Select(r => text[r]).ToArray();

    private static bool IsTerminator(char c) => c is '.' or '!' or '?';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '\u201d' or '\u2019';

    private static bool EndsSentence(string text, int i)
    {
        var next = i + 1;
        while (next < text.Length && IsCloser(text[next]))
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[next]))
        {
            return false; // "2.5", "arXiv.org", "e.g.," stay inside the sentence
        }

        var after = SkipSpace(text, next);
        if (after >= text.Length)
        {
            return true;
        }

        var c = text[after];
        if (!(char.IsUpper(c) || char.IsDigit(c) || c is '"' or '(' or '[' or '\u201c'))
        {
            return false;
        }

        return text[i] != '.' || !IsAbbreviation(text, i);
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial, as in "J. Smith"
        }

        return Abbreviations.Contains(word) || (word == "al" && wordStart >= 3 && text[(wordStart - 3)..wordStart] == "et ");
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static void Add(List<Range> sentences, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(start..end);
        }
    }
}
