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

    [LoggerMessage(9, LogLevel.Debug, "Store {Path} was written by another process; cached vectors, statistics and papers dropped")]
    public static partial void ForeignWrite(ILogger logger, string path);

    [LoggerMessage(10, LogLevel.Information, "Migrated store {Path} from schema version {From} to {To}")]
    public static partial void StoreMigrated(ILogger logger, string path, int from, int to);

    [LoggerMessage(11, LogLevel.Information, "Store {Path} was built with embedder '{OldId}' ({OldDimensions} dims): its vectors were dropped for '{NewId}' ({NewDimensions} dims); papers and chunks are kept and the semantic indexer re-embeds them")]
    public static partial void EmbedderReplaced(ILogger logger, string path, string oldId, int oldDimensions, string newId, int newDimensions);

    [LoggerMessage(12, LogLevel.Information, "Dropped every vector of store {Path}; the semantic indexer re-embeds {Chunks} chunks")]
    public static partial void VectorsCleared(ILogger logger, string path, int chunks);

    [LoggerMessage(13, LogLevel.Debug, "Stored {Stored} of {Given} vectors; {Embedded}/{Total} chunks have one")]
    public static partial void VectorsStored(ILogger logger, int stored, int given, int embedded, int total);

    [LoggerMessage(14, LogLevel.Debug, "Loaded the collection vocabulary ({Words} words) in {Milliseconds:F1} ms")]
    public static partial void VocabularyLoaded(ILogger logger, int words, double milliseconds);

    [LoggerMessage(15, LogLevel.Debug, "Dense search of {Path} scanned every vector: {Reason}")]
    public static partial void ExactFallback(ILogger logger, string path, string reason);

    [LoggerMessage(16, LogLevel.Information, "Saved the approximate (HNSW) index of {Path}: {Vectors} vectors in {Seconds:F1} s")]
    public static partial void ApproximateIndexSaved(ILogger logger, string path, long vectors, double seconds);

    [LoggerMessage(17, LogLevel.Debug, "Stopped building the approximate index of {Path}: the store is closing")]
    public static partial void ApproximateIndexBuildStopped(ILogger logger, string path);

    [LoggerMessage(18, LogLevel.Warning, "Building the approximate index of {Path} failed; dense search scans every vector until a build succeeds")]
    public static partial void ApproximateIndexBuildFailed(ILogger logger, string path, Exception exception);
}
