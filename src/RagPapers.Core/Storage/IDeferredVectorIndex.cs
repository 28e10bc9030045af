namespace RagPapers.Storage;

/// <summary>
/// A store capability (found with <see cref="PaperIndexExtensions.GetService{TService}"/>): the store takes papers and
/// chunks before their vectors and has the vectors filled in later, batch by batch, by the semantic indexer. Such a
/// store accepts chunks with an empty vector in <see cref="IPaperIndex.UpsertAsync"/> (searchable by keyword at once),
/// keeps the vectors of one embedder only (opening it with another embedder drops the old vectors in the same
/// transaction that records the new one, instead of refusing), and counts how many chunks have their vector.
/// </summary>
/// <remarks>
/// A store without it (Qdrant) is given every vector during ingestion and refuses a store built by another embedder.
/// Dense search is meaningful only once <see cref="Progress"/> is complete: the retriever searches by keyword alone
/// until then.
/// </remarks>
public interface IDeferredVectorIndex
{
    /// <summary>Chunks with a vector of the store's embedder, against all chunks; kept current by every write, read without I/O.</summary>
    VectorProgress Progress { get; }

    /// <summary>The embedder whose vectors the last open dropped, because the store had been built with it; null when none were.</summary>
    EmbedderDescriptor? ReplacedEmbedder { get; }

    /// <summary>Up to <paramref name="max"/> chunks without a vector, oldest first, with the title of their paper.</summary>
    Task<IReadOnlyList<ChunkWithoutVector>> GetChunksWithoutVectorsAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores vectors computed by the embedder the store was opened for, in one transaction, and returns how many were
    /// stored: a chunk replaced or given its vector meanwhile is skipped. Throws <see cref="StoreIncompatibleException"/>
    /// when the store now records another embedder (switched by another process), so two embedders' vectors never meet.
    /// </summary>
    Task<int> SetVectorsAsync(IReadOnlyList<ChunkVector> vectors, CancellationToken cancellationToken = default);

    /// <summary>Drops every vector in one transaction, so that all are computed again.</summary>
    Task ClearVectorsAsync(CancellationToken cancellationToken = default);
}
