namespace RagPapers.Storage;

/// <summary>
/// An optional store capability (found with <see cref="PaperIndexExtensions.GetService{TService}"/>): the words of the
/// collection's titles and abstracts, each with the number of papers it occurs in, kept right by every write. The
/// spelling corrector of queries reads it; without it (the Qdrant store) queries are searched as typed.
/// </summary>
public interface ICollectionVocabulary
{
    /// <summary>
    /// The vocabulary as of the last write. The same instance is returned until the store is written to again, so a
    /// caller may keep what it derives from it for as long as it gets that instance back.
    /// </summary>
    Task<CollectionVocabulary> GetVocabularyAsync(CancellationToken cancellationToken = default);
}
