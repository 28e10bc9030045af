namespace RagPapers.Storage;

/// <summary>
/// The surface words of a collection (<see cref="Text.SurfaceWords"/>: lower-cased, letters only) with their document
/// frequency, the number of papers whose title or abstract holds the word. Immutable.
/// </summary>
public sealed class CollectionVocabulary
{
    private readonly Dictionary<string, int> _papers;

    /// <param name="papersPerWord">Document frequency by word; words with a frequency below 1 are left out.</param>
    public CollectionVocabulary(IEnumerable<KeyValuePair<string, int>> papersPerWord)
    {
        ArgumentNullException.ThrowIfNull(papersPerWord);
        _papers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, papers) in papersPerWord)
        {
            if (papers > 0)
            {
                _papers[word] = papers;
            }
        }
    }

    public static CollectionVocabulary Empty { get; } = new([]);

    /// <summary>How many distinct words the collection has.</summary>
    public int Count => _papers.Count;

    /// <summary>Every word with its document frequency, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, int>> Words => _papers;

    /// <summary>The number of papers holding <paramref name="word"/> (lower-cased), 0 when the collection never uses it.</summary>
    public int PapersWith(string word) => _papers.GetValueOrDefault(word);

    /// <summary>Whether <paramref name="word"/> (lower-cased) occurs in any paper.</summary>
    public bool Contains(string word) => _papers.ContainsKey(word);
}
