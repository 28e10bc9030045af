using System.Globalization;
using Microsoft.Extensions.Logging;
using RagPapers.Hosting;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// The index on a Qdrant server, over its REST API: one collection with a named dense vector (cosine) and a BM25
/// sparse vector (IDF modifier) per chunk, and one vector-less point per paper. Searches go through the Query API.
/// </summary>
/// <remarks>
/// Qdrant has no transactions, so an upsert orders its writes to make each paper whole or absent: stale chunks
/// go first, then the chunks, then the paper point, which holds the content hash. A run that dies before a paper's
/// point lands leaves the old paper (or none) in place, and the next ingest writes it again over the same ids.
/// </remarks>
public sealed partial class QdrantPaperIndex : IPaperIndex, IHybridSearchIndex
{
    // Qdrant needs 1.16 for collection metadata and 1.17 for weighted RRF.
    private static readonly Version MinimumVersion = new(1, 17);

    private readonly QdrantClient client;
    private readonly string collection;
    private readonly ILogger logger;
    private EmbedderDescriptor? embedder;
    private Bm25SparseEncoder? encoder;
    private volatile bool disposed;

    public QdrantPaperIndex(QdrantStoreOptions options, TimeProvider timeProvider, ILogger<QdrantPaperIndex> logger)
        : this(QdrantClient.Create(options, timeProvider, logger), options.Collection, logger)
    {
    }

    internal QdrantPaperIndex(QdrantClient client, string collection, ILogger logger)
    {
        this.client = client;
        this.collection = collection;
        this.logger = logger;
    }

    public async Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ObjectDisposedException.ThrowIf(disposed, this);
        var version = await client.GetVersionAsync(cancellationToken);
        try
        {
            CheckVersion(version.Version);
            var (averageLength, created) = await QdrantCollectionSchema.EnsureAsync(client, collection, embedder, cancellationToken);
            encoder = new Bm25SparseEncoder(averageLength);
            this.embedder = embedder;
            if (created)
            {
                Log.CollectionCreated(logger, collection, client.BaseUrl, embedder.Id, embedder.Dimensions);
            }
            else
            {
                Log.CollectionOpened(logger, collection, client.BaseUrl, version.Version, embedder.Id, embedder.Dimensions);
            }
        }
        catch (StoreIncompatibleException ex)
        {
            Log.CollectionRefused(logger, collection, ex.Message);
            throw;
        }
    }

    public async Task<int> CountPapersAsync(CancellationToken cancellationToken = default) =>
        checked((int)await Opened().CountAsync(collection, QdrantFilters.Papers(), cancellationToken));

    public async Task<int> CountChunksAsync(CancellationToken cancellationToken = default) =>
        checked((int)await Opened().CountAsync(collection, QdrantFilters.Chunks(), cancellationToken));

    public object? GetService(Type serviceType, object? serviceKey = null) => this.GetOwnService(serviceType, serviceKey);

    public ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The client, once the collection is open; throws if the index is disposed or not opened.</summary>
    private QdrantClient Opened()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return embedder is null
            ? throw new InvalidOperationException($"The Qdrant collection '{collection}' at {client.BaseUrl} is not open; call OpenAsync first.")
            : client;
    }

    private void CheckVersion(string reported)
    {
        // "1.19.0", "1.19.0-dev", "v1.19.0": the leading numbers decide.
        var digits = new string([.. reported.TrimStart('v').TakeWhile(c => char.IsDigit(c) || c == '.')]);
        if (Version.TryParse(digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0", out var version) && version < MinimumVersion)
        {
            throw new StoreIncompatibleException(string.Create(CultureInfo.InvariantCulture,
                $"Qdrant {reported} at {client.BaseUrl} is too old: RagPapers needs {MinimumVersion} or later (collection metadata, weighted RRF). Upgrade the server; docker-compose.yml runs a supported version."));
        }
    }
}
