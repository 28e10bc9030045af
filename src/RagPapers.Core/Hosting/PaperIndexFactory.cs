using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Configuration;
using RagPapers.Retrieval;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Hosting;

/// <summary>
/// Creates the index of a store provider from the "Store" section: the configured one for the application, and
/// either one by name for commands that move a collection between stores.
/// </summary>
public sealed class PaperIndexFactory(
    IOptions<StoreOptions> options, IOptions<RetrievalOptions> retrieval, ContentRoot root, TimeProvider timeProvider, ILoggerFactory loggers)
{
    public const string Sqlite = "Sqlite";
    public const string Qdrant = "Qdrant";

    /// <summary>The index Store:Provider names.</summary>
    public IPaperIndex CreateConfigured() => Create(options.Value.Provider);

    /// <summary>A new, unopened index of <paramref name="provider"/> ("Sqlite" or "Qdrant", any case); the caller disposes it.</summary>
    public IPaperIndex Create(string provider)
    {
        var store = options.Value;
        return Normalize(provider) switch
        {
            Sqlite => new SqlitePaperIndex(
                root.Resolve(store.Sqlite.Path),
                loggers.CreateLogger<SqlitePaperIndex>(),
                retrieval.Value.Feedback,
                store.Sqlite.InMemoryKeywordChunks,
                new DenseSearchSettings(store.ApproximateIndexMinVectors)),
            _ => new QdrantPaperIndex(store.Qdrant, timeProvider, loggers.CreateLogger<QdrantPaperIndex>()),
        };
    }

    /// <summary>Where <paramref name="provider"/>'s index lives, for messages: the file, or the URL and collection.</summary>
    public string Describe(string provider)
    {
        var store = options.Value;
        return Normalize(provider) == Sqlite
            ? $"SQLite store {root.Resolve(store.Sqlite.Path)}"
            : $"Qdrant collection '{store.Qdrant.Collection}' at {store.Qdrant.Url}";
    }

    /// <summary>"Sqlite" or "Qdrant" for any casing of either; throws ArgumentException naming both otherwise.</summary>
    public static string Normalize(string provider) =>
        provider?.ToUpperInvariant() switch
        {
            "SQLITE" => Sqlite,
            "QDRANT" => Qdrant,
            _ => throw new ArgumentException($"Unknown store provider '{provider}'; use \"sqlite\" or \"qdrant\".", nameof(provider)),
        };
}
