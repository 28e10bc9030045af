using RagPapers.Papers;

namespace RagPapers.Storage;

/// <summary>Where papers, chunks and vectors live and how they are searched.</summary>
public interface IPaperIndex : IAsyncDisposable
{
    /// <summary>Creates the store if empty, else checks its schema and embedder; throws <see cref="StoreIncompatibleException"/> on a mismatch.</summary>
    Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default);

    /// <summary>Content hash of every stored paper, by paper id.</summary>
    Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Content hash of each stored paper among <paramref name="ids"/>, by paper id; unknown ids are absent. Ingestion
    /// asks this batch by batch, so its memory does not grow with the collection.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the papers of a batch in one transaction: all of the batch lands or none of it.</summary>
    Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default);

    /// <summary>BM25 over chunk text and paper title; best first.</summary>
    Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Cosine similarity over chunk vectors; best first.</summary>
    Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default);

    Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The stored papers among <paramref name="ids"/>, keyed by id; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>A paper's chunks with their vectors, in order.</summary>
    Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The chunks with their vectors, in order, of the stored papers among <paramref name="paperIds"/>, keyed by paper
    /// id, read in one round trip; unknown ids are absent. A retrieval needs the chunks of every paper it ranks.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    Task<int> CountPapersAsync(CancellationToken cancellationToken = default);

    Task<int> CountChunksAsync(CancellationToken cancellationToken = default);

    /// <summary>All papers, ordered by publication date (newest first) then title.</summary>
    IAsyncEnumerable<Paper> ListPapersAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes every paper read from <paramref name="source"/>; returns how many.</summary>
    Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>
    /// An optional capability of the store (such as <see cref="IHybridSearchIndex"/>), or null when it has none of
    /// that type. A decorator forwards the call to the store it wraps, so wrapping a store never hides a capability;
    /// ask through <see cref="PaperIndexExtensions.GetService{TService}"/> rather than with a type check.
    /// </summary>
    object? GetService(Type serviceType, object? serviceKey = null);
}
