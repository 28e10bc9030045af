using RagPapers.Storage;
using RagPapers.Text;

namespace RagPapers.Retrieval.Spelling;

/// <summary>
/// The words a query may use as typed: those of the collection, inflections of them (the analyzer's stems meet:
/// "mosquitos" for "mosquito", "halts" for "halt"), and common English words (<see cref="EnglishWords"/>).
/// </summary>
internal sealed class KnownWords(CollectionVocabulary vocabulary)
{
    private readonly HashSet<string> _stems = [.. vocabulary.Words.Select(w => TextAnalyzer.Stem(w.Key))];

    /// <summary>Whether <paramref name="word"/> (lower-cased) stays as typed.</summary>
    public bool Contains(string word) =>
        vocabulary.Contains(word) || _stems.Contains(TextAnalyzer.Stem(word)) || EnglishWords.Contains(word);
}
