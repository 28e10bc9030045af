namespace RagPapers.Server.Collection;

/// <summary>Log messages of loading the collection at start-up.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "The store is empty: loading {FileCount} collection files")]
    public static partial void LoadingCollection(ILogger logger, int fileCount);

    [LoggerMessage(5002, LogLevel.Information, "Collection ingested: read {Read}, added {Added}, skipped {Skipped} in {ElapsedSeconds:F2} s")]
    public static partial void CollectionIngested(ILogger logger, int read, int added, int skipped, double elapsedSeconds);

    [LoggerMessage(5003, LogLevel.Information, "Ready: {PaperCount} papers")]
    public static partial void CollectionReady(ILogger logger, int paperCount);

    // One line at Critical; the stack only at Debug (an unusable collection is the user's to fix, not a crash).
    [LoggerMessage(5004, LogLevel.Critical, "The collection could not be loaded; /health/ready stays unhealthy: {Reason}")]
    public static partial void CollectionFailed(ILogger logger, string reason);

    [LoggerMessage(5007, LogLevel.Debug, "Collection loading failure in detail")]
    public static partial void CollectionFailureDetail(ILogger logger, Exception exception);
}
