using System.Text;
using RagPapers.Storage;

namespace RagPapers.Retrieval.Spelling;

/// <summary>
/// Corrects the words of a query that the collection never uses to the closest word it uses often ("speach" →
/// "speech"), before retrieval: BM25 matches words exactly, so one misspelt key word can lose every relevant paper.
/// Words the collection knows, English words (<see cref="KnownWords"/>), and words that may be names or numbers
/// (<see cref="CorrectableWords"/>) stay as typed, so a query all of whose words are in the collection comes back
/// unchanged, the same string.
/// </summary>
/// <remarks>
/// The vocabulary is the store's <see cref="ICollectionVocabulary"/> capability; a store without it (Qdrant) leaves
/// every query as typed. The known words and the index of candidates are built once per vocabulary instance, which
/// the store replaces only after a write, so a query pays for lookups only.
/// </remarks>
public sealed class QuerySpellingCorrector(IPaperIndex index)
{
    private Built? _built;

    public async Task<SpellingCorrection> CorrectAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = CorrectableWords.Find(query);
        if (words.Count == 0 || index.GetService<ICollectionVocabulary>() is not { } source)
        {
            return SpellingCorrection.None(query);
        }

        var built = Build(await source.GetVocabularyAsync(cancellationToken));
        var text = new StringBuilder(query.Length + 8);
        var corrections = new List<WordCorrection>();
        var copied = 0;
        foreach (var word in words)
        {
            var typed = query.Substring(word.Start, word.Length);
            var lower = typed.ToLowerInvariant();
            if (built.Known.Contains(lower) || built.Index.Suggest(lower, CorrectableWords.MaxEdits(lower.Length)) is not { } suggestion)
            {
                continue;
            }

            var corrected = char.IsUpper(typed[0]) ? char.ToUpperInvariant(suggestion[0]) + suggestion[1..] : suggestion;
            text.Append(query, copied, word.Start - copied).Append(corrected);
            copied = word.End;
            corrections.Add(new WordCorrection(typed, corrected));
        }

        return corrections.Count == 0 ? SpellingCorrection.None(query) : new SpellingCorrection(text.Append(query, copied, query.Length - copied).ToString(), corrections);
    }

    // Two threads meeting a new vocabulary may both build; the index is immutable, so either result serves.
    private Built Build(CollectionVocabulary vocabulary)
    {
        var built = Volatile.Read(ref _built);
        if (built?.Vocabulary != vocabulary)
        {
            built = new Built(vocabulary, new KnownWords(vocabulary), new SpellingIndex(vocabulary));
            Volatile.Write(ref _built, built);
        }

        return built;
    }

    private sealed record Built(CollectionVocabulary Vocabulary, KnownWords Known, SpellingIndex Index);
}
