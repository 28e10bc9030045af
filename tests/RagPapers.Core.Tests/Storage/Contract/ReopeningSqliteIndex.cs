using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Papers;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// A SQLite store that, after each write, builds its approximate index and reopens from the file, as the next process
/// would; everything else goes to the store open at the time.
/// </summary>
internal sealed class ReopeningSqliteIndex(string path, int approximateMinVectors) : IPaperIndex
{
    private SqlitePaperIndex _inner = Create(path, approximateMinVectors);
    private EmbedderDescriptor? _embedder;

    public async Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default)
    {
        await _inner.OpenAsync(embedder, cancellationToken);
        this._embedder = embedder;
    }

    public async Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        await _inner.UpsertAsync(batch, cancellationToken);
        await ReopenAsync(cancellationToken);
    }

    public async Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default)
    {
        var deleted = await _inner.DeleteBySourceAsync(source, cancellationToken);
        await ReopenAsync(cancellationToken);
        return deleted;
    }

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default) => _inner.GetContentHashesAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        _inner.GetContentHashesAsync(ids, cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        _inner.KeywordSearchAsync(query, top, filter, cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        _inner.VectorSearchAsync(query, top, filter, cancellationToken);

    public Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default) => _inner.GetPaperAsync(id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => _inner.GetPapersAsync(ids, cancellationToken);

    public Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default) => _inner.GetChunksAsync(paperId, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        _inner.GetChunksAsync(paperIds, cancellationToken);

    public Task<int> CountPapersAsync(CancellationToken cancellationToken = default) => _inner.CountPapersAsync(cancellationToken);

    public Task<int> CountChunksAsync(CancellationToken cancellationToken = default) => _inner.CountChunksAsync(cancellationToken);

    public IAsyncEnumerable<Paper> ListPapersAsync(CancellationToken cancellationToken = default) => _inner.ListPapersAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private static SqlitePaperIndex Create(string path, int threshold) =>
        new(path, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(threshold));

    private async Task ReopenAsync(CancellationToken cancellationToken)
    {
        await _inner.BuildApproximateIndexAsync(cancellationToken);
        await _inner.DisposeAsync();
        _inner = Create(path, approximateMinVectors);
        await _inner.OpenAsync(_embedder!, cancellationToken);
    }
}
