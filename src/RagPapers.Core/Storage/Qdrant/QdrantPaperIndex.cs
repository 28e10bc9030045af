using System.Globalization;
using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// The index on a Qdrant server, through the official Qdrant.Client over gRPC: one collection with a named dense
/// vector (cosine) and a BM25 sparse vector (IDF modifier) per chunk, and one vector-less point per paper. Searches
/// go through the Query API; hybrid search is one Query call with two prefetches fused by RRF.
/// </summary>
/// <remarks>
/// Qdrant has no transactions, so an upsert orders its writes to make each paper whole or absent: stale chunks
/// go first, then the chunks, then the paper point, which holds the content hash. A run that dies before a paper's
/// point lands leaves the old paper (or none) in place, and the next ingest writes it again over the same ids.
/// </remarks>
public sealed partial class QdrantPaperIndex : IPaperIndex, IHybridSearchIndex, IUndatedPaperCount
{
    // Qdrant needs 1.16 for collection metadata and 1.17 for weighted RRF.
    private static readonly Version MinimumVersion = new(1, 17);

    private readonly QdrantConnection _qdrant;
    private readonly string _collection;
    private readonly ILogger _logger;
    private EmbedderDescriptor? _embedder;
    private Bm25SparseEncoder? _encoder;
    private volatile bool _disposed;

    public QdrantPaperIndex(QdrantStoreOptions options, TimeProvider timeProvider, ILogger<QdrantPaperIndex> logger)
        : this(options, timeProvider, logger, firstRetryDelay: null)
    {
    }

    /// <summary>As the public constructor, with the first retry delay set (tests keep it tiny).</summary>
    internal QdrantPaperIndex(QdrantStoreOptions options, TimeProvider timeProvider, ILogger logger, TimeSpan? firstRetryDelay)
    {
        ArgumentNullException.ThrowIfNull(options);
        _qdrant = QdrantConnection.Create(options, timeProvider, logger, firstRetryDelay);
        _collection = options.Collection;
        this._logger = logger;
    }

    public async Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var health = await _qdrant.CallAsync("Qdrant/HealthCheck", (c, ct) => c.HealthAsync(ct), cancellationToken);
        try
        {
            CheckVersion(health.Version);
            var (averageLength, created) = await QdrantCollectionSchema.EnsureAsync(_qdrant, _collection, embedder, cancellationToken);
            _encoder = new Bm25SparseEncoder(averageLength);
            this._embedder = embedder;
            if (created)
            {
                Log.CollectionCreated(_logger, _collection, _qdrant.Url, embedder.Id, embedder.Dimensions);
            }
            else
            {
                Log.CollectionOpened(_logger, _collection, _qdrant.Url, health.Version, embedder.Id, embedder.Dimensions);
            }
        }
        catch (StoreIncompatibleException ex)
        {
            Log.CollectionRefused(_logger, _collection, ex.Message);
            throw;
        }
    }

    public Task<int> CountPapersAsync(CancellationToken cancellationToken = default) => CountAsync(QdrantFilters.Papers(), cancellationToken);

    public Task<int> CountChunksAsync(CancellationToken cancellationToken = default) => CountAsync(QdrantFilters.Chunks(), cancellationToken);

    public Task<int> CountUndatedPapersAsync(string? source, CancellationToken cancellationToken = default) =>
        CountAsync(QdrantFilters.UndatedPapers(source), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => this.GetOwnService(serviceType, serviceKey);

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _qdrant.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task<int> CountAsync(global::Qdrant.Client.Grpc.Filter filter, CancellationToken cancellationToken)
    {
        var qdrant = Opened();
        return checked((int)await qdrant.CallAsync("Points/Count", (c, ct) => c.CountAsync(_collection, filter, exact: true, cancellationToken: ct), cancellationToken));
    }

    /// <summary>The connection, once the collection is open; throws if the index is disposed or not opened.</summary>
    private QdrantConnection Opened()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _embedder is null
            ? throw new InvalidOperationException($"The Qdrant collection '{_collection}' at {_qdrant.Url} is not open; call OpenAsync first.")
            : _qdrant;
    }

    private void CheckVersion(string reported)
    {
        // "1.19.0", "1.19.0-dev", "v1.19.0": the leading numbers decide.
        var digits = new string([.. reported.TrimStart('v').TakeWhile(c => char.IsDigit(c) || c == '.')]);
        if (Version.TryParse(digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0", out var version) && version < MinimumVersion)
        {
            throw new StoreIncompatibleException(string.Create(CultureInfo.InvariantCulture,
                $"Qdrant {reported} at {_qdrant.Url} is too old: RagPapers needs {MinimumVersion} or later (collection metadata, weighted RRF). Upgrade the server; docker-compose.yml runs a supported version."));
        }
    }
}
