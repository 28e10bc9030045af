using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Server.Caching;

/// <summary>Passes every call to the store and records each write in <see cref="StoreChanges"/>.</summary>
internal sealed class ChangeTrackingPaperIndex(IPaperIndex inner, StoreChanges changes) : IPaperIndex
{
    public async Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default)
    {
        await inner.OpenAsync(embedder, cancellationToken);
        changes.Record();
    }

    public async Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.UpsertAsync(batch, cancellationToken);
        }
        finally
        {
            changes.Record(); // also after a failed batch: whatever it left is what later reads see
        }
    }

    public async Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.DeleteBySourceAsync(source, cancellationToken);
        }
        finally
        {
            changes.Record();
        }
    }

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default) =>
        inner.GetContentHashesAsync(cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        inner.KeywordSearchAsync(query, top, filter, cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        inner.VectorSearchAsync(query, top, filter, cancellationToken);

    public Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default) => inner.GetPaperAsync(id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        inner.GetPapersAsync(ids, cancellationToken);

    public Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default) =>
        inner.GetChunksAsync(paperId, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        inner.GetChunksAsync(paperIds, cancellationToken);

    public Task<int> CountPapersAsync(CancellationToken cancellationToken = default) => inner.CountPapersAsync(cancellationToken);

    public Task<int> CountChunksAsync(CancellationToken cancellationToken = default) => inner.CountChunksAsync(cancellationToken);

    public IAsyncEnumerable<Paper> ListPapersAsync(CancellationToken cancellationToken = default) => inner.ListPapersAsync(cancellationToken);

    // Forwarded, so the retriever still finds the store's capabilities (Qdrant's one-call hybrid search) through this wrapper.
    public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
