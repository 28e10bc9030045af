using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Sqlite;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Created store {Path} for embedder '{EmbedderId}' ({Dimensions} dims)")]
    public static partial void StoreCreated(ILogger logger, string path, string embedderId, int dimensions);

    [LoggerMessage(2, LogLevel.Debug, "Opened store {Path} (embedder '{EmbedderId}', {Dimensions} dims)")]
    public static partial void StoreOpened(ILogger logger, string path, string embedderId, int dimensions);

    // Information, not Warning: the refusal reaches the user as the exception's message; a log line would repeat it.
    [LoggerMessage(3, LogLevel.Information, "Store {Path} refused: {Reason}")]
    public static partial void StoreRefused(ILogger logger, string path, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Upserted {Papers} papers with {Chunks} chunks")]
    public static partial void BatchUpserted(ILogger logger, int papers, int chunks);

    [LoggerMessage(5, LogLevel.Debug, "Loaded {Chunks} chunk vectors ({Dimensions} dims) into memory")]
    public static partial void VectorsLoaded(ILogger logger, int chunks, int dimensions);

    [LoggerMessage(6, LogLevel.Information, "Deleted {Papers} papers read from {Source}")]
    public static partial void SourceDeleted(ILogger logger, int papers, string source);

    [LoggerMessage(7, LogLevel.Trace, "Keyword query {Query} became FTS5 expression {Match}")]
    public static partial void KeywordQuery(ILogger logger, string query, string match);

    [LoggerMessage(8, LogLevel.Debug, "Loaded FTS5 term statistics of {Chunks} chunks ({Terms} terms) in {Milliseconds:F0} ms")]
    public static partial void TermStatisticsLoaded(ILogger logger, int chunks, int terms, double milliseconds);

    [LoggerMessage(9, LogLevel.Information, "Upgraded store {Path} from schema version {From} to {To}")]
    public static partial void StoreUpgraded(ILogger logger, string path, int from, int to);

    [LoggerMessage(10, LogLevel.Debug, "Loaded the collection vocabulary ({Words} words) in {Milliseconds:F1} ms")]
    public static partial void VocabularyLoaded(ILogger logger, int words, double milliseconds);
}
