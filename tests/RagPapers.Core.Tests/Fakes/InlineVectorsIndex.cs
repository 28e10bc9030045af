using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Fakes;

/// <summary>
/// A real store seen as a store without <see cref="IDeferredVectorIndex"/> (as Qdrant is): every call goes to the
/// wrapped store, but the capability is hidden, so the ingestor embeds during ingestion.
/// </summary>
internal sealed class InlineVectorsIndex(IPaperIndex inner) : IPaperIndex
{
    public Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default) => inner.OpenAsync(embedder, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default) => inner.GetContentHashesAsync(cancellationToken);

    public Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default) => inner.UpsertAsync(batch, cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        inner.KeywordSearchAsync(query, top, filter, cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        inner.VectorSearchAsync(query, top, filter, cancellationToken);

    public Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default) => inner.GetPaperAsync(id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        inner.GetPapersAsync(ids, cancellationToken);

    public Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default) => inner.GetChunksAsync(paperId, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        inner.GetChunksAsync(paperIds, cancellationToken);

    public Task<int> CountPapersAsync(CancellationToken cancellationToken = default) => inner.CountPapersAsync(cancellationToken);

    public Task<int> CountChunksAsync(CancellationToken cancellationToken = default) => inner.CountChunksAsync(cancellationToken);

    public IAsyncEnumerable<Paper> ListPapersAsync(CancellationToken cancellationToken = default) => inner.ListPapersAsync(cancellationToken);

    public Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default) => inner.DeleteBySourceAsync(source, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(IDeferredVectorIndex) ? null : inner.GetService(serviceType, serviceKey);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
