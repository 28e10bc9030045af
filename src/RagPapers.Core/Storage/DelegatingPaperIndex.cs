using RagPapers.Papers;

namespace RagPapers.Storage;

/// <summary>
/// A store that passes every call to another: the base of decorators that change one thing (record writes, hide a
/// capability) and must forward the rest, including <see cref="GetService"/>, so capabilities stay reachable.
/// </summary>
public abstract class DelegatingPaperIndex(IPaperIndex inner) : IPaperIndex
{
    protected IPaperIndex Inner { get; } = inner;

    public virtual Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default) => Inner.OpenAsync(embedder, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default) =>
        Inner.GetContentHashesAsync(cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Inner.GetContentHashesAsync(ids, cancellationToken);

    public virtual Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default) => Inner.UpsertAsync(batch, cancellationToken);

    public virtual Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        Inner.KeywordSearchAsync(query, top, filter, cancellationToken);

    public virtual Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        Inner.VectorSearchAsync(query, top, filter, cancellationToken);

    public virtual Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default) => Inner.GetPaperAsync(id, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Inner.GetPapersAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default) =>
        Inner.GetChunksAsync(paperId, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        Inner.GetChunksAsync(paperIds, cancellationToken);

    public virtual Task<int> CountPapersAsync(CancellationToken cancellationToken = default) => Inner.CountPapersAsync(cancellationToken);

    public virtual Task<int> CountChunksAsync(CancellationToken cancellationToken = default) => Inner.CountChunksAsync(cancellationToken);

    public virtual IAsyncEnumerable<Paper> ListPapersAsync(CancellationToken cancellationToken = default) => Inner.ListPapersAsync(cancellationToken);

    public virtual Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default) => Inner.DeleteBySourceAsync(source, cancellationToken);

    public virtual object? GetService(Type serviceType, object? serviceKey = null) => Inner.GetService(serviceType, serviceKey);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Inner.DisposeAsync();
    }
}
