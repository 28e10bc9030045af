namespace RagPapers.Retrieval.Spelling;

/// <summary>
/// Common English words (SCOWL size 50, American and British; see english-words.NOTICE.txt), which are never
/// corrected. A collection of papers lacks most everyday words, and without this list "bread" would become "broad"
/// and "chess" "chest": an English word the collection lacks is a question about something it does not hold, not a
/// typo. Read from the assembly on first use (74,000 words, about 5 MB), then shared.
/// </summary>
internal static class EnglishWords
{
    private const string ResourceName = "RagPapers.Retrieval.Spelling.english-words.txt";

    private static readonly Lazy<HashSet<string>> Words = new(Load);

    /// <summary>Whether <paramref name="word"/> (lower-cased) is a common English word.</summary>
    public static bool Contains(string word) => Words.Value.Contains(word);

    private static HashSet<string> Load()
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(EnglishWords).Assembly.GetName().Name}; the build embeds it.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words;
    }
}
