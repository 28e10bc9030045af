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

    private readonly QdrantConnection qdrant;
    private readonly string collection;
    private readonly ILogger logger;
    private EmbedderDescriptor? embedder;
    private Bm25SparseEncoder? encoder;
    private volatile bool disposed;

    public QdrantPaperIndex(QdrantStoreOptions options, TimeProvider timeProvider, ILogger<QdrantPaperIndex> logger)
        : this(options, timeProvider, logger, firstRetryDelay: null)
    {
    }

    /// <summary>As the public constructor, with the first retry delay set (tests keep it tiny).</summary>
    internal QdrantPaperIndex(QdrantStoreOptions options, TimeProvider timeProvider, ILogger logger, TimeSpan? firstRetryDelay)
    {
        ArgumentNullException.ThrowIfNull(options);
        qdrant = QdrantConnection.Create(options, timeProvider, logger, firstRetryDelay);
        collection = options.Collection;
        this.logger = logger;
    }

    public async Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ObjectDisposedException.ThrowIf(disposed, this);
        var health = await qdrant.CallAsync("Qdrant/HealthCheck", (c, ct) => c.HealthAsync(ct), cancellationToken);
        try
        {
            CheckVersion(health.Version);
            var (averageLength, created) = await QdrantCollectionSchema.EnsureAsync(qdrant, collection, embedder, cancellationToken);
            encoder = new Bm25SparseEncoder(averageLength);
            this.embedder = embedder;
            if (created)
            {
                Log.CollectionCreated(logger, collection, qdrant.Url, embedder.Id, embedder.Dimensions);
            }
            else
            {
                Log.CollectionOpened(logger, collection, qdrant.Url, health.Version, embedder.Id, embedder.Dimensions);
            }
        }
        catch (StoreIncompatibleException ex)
        {
            Log.CollectionRefused(logger, collection, ex.Message);
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
        if (!disposed)
        {
            disposed = true;
            qdrant.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task<int> CountAsync(global::Qdrant.Client.Grpc.Filter filter, CancellationToken cancellationToken)
    {
        var qdrant = Opened();
        return checked((int)await qdrant.CallAsync("Points/Count", (c, ct) => c.CountAsync(collection, filter, exact: true, cancellationToken: ct), cancellationToken));
    }

    /// <summary>The connection, once the collection is open; throws if the index is disposed or not opened.</summary>
    private QdrantConnection Opened()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return embedder is null
            ? throw new InvalidOperationException($"The Qdrant collection '{collection}' at {qdrant.Url} is not open; call OpenAsync first.")
            : qdrant;
    }

    private void CheckVersion(string reported)
    {
        // "1.19.0", "1.19.0-dev", "v1.19.0": the leading numbers decide.
        var digits = new string([.. reported.TrimStart('v').TakeWhile(c => char.IsDigit(c) || c == '.')]);
        if (Version.TryParse(digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0", out var version) && version < MinimumVersion)
        {
            throw new StoreIncompatibleException(string.Create(CultureInfo.InvariantCulture,
                $"Qdrant {reported} at {qdrant.Url} is too old: RagPapers needs {MinimumVersion} or later (collection metadata, weighted RRF). Upgrade the server; docker-compose.yml runs a supported version."));
        }
    }
}
