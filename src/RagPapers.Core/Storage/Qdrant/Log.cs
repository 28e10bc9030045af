using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Qdrant;

// Only URLs, collection names and counts are logged: never the API key, payloads or query text above Trace.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Created Qdrant collection {Collection} at {Url} for embedder '{EmbedderId}' ({Dimensions} dims)")]
    public static partial void CollectionCreated(ILogger logger, string collection, Uri url, string embedderId, int dimensions);

    [LoggerMessage(2, LogLevel.Debug, "Opened Qdrant collection {Collection} at {Url} (Qdrant {Version}, embedder '{EmbedderId}', {Dimensions} dims)")]
    public static partial void CollectionOpened(ILogger logger, string collection, Uri url, string version, string embedderId, int dimensions);

    [LoggerMessage(3, LogLevel.Warning, "Qdrant collection {Collection} refused: {Reason}")]
    public static partial void CollectionRefused(ILogger logger, string collection, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Qdrant {Call} failed on attempt {Attempt} ({Status}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string call, int attempt, string status, long delayMs);

    [LoggerMessage(5, LogLevel.Debug, "Upserted {Papers} papers with {Chunks} chunks into Qdrant")]
    public static partial void BatchUpserted(ILogger logger, int papers, int chunks);

    [LoggerMessage(6, LogLevel.Information, "Deleted {Papers} papers read from {Source} from Qdrant")]
    public static partial void SourceDeleted(ILogger logger, int papers, string source);

    [LoggerMessage(7, LogLevel.Trace, "Keyword query {Query} became {Terms} sparse terms")]
    public static partial void KeywordQuery(ILogger logger, string query, int terms);

    [LoggerMessage(8, LogLevel.Warning, "Qdrant is down; calls fail at once for {BreakSeconds:F0} s, then it is tried again")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(9, LogLevel.Information, "Qdrant answers again; calls go through")]
    public static partial void CircuitClosed(ILogger logger);
}
