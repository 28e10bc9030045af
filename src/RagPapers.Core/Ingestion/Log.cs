using Microsoft.Extensions.Logging;

namespace RagPapers.Ingestion;

internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Debug, "Ingestion started")]
    public static partial void IngestStarted(ILogger logger);

    [LoggerMessage(102, LogLevel.Debug, "Skipped {Diagnostic}")]
    public static partial void RecordSkipped(ILogger logger, string diagnostic);

    [LoggerMessage(103, LogLevel.Debug, "Paper {PaperId} appears again in this run; the first occurrence is kept")]
    public static partial void DuplicatePaper(ILogger logger, string paperId);

    [LoggerMessage(104, LogLevel.Debug, "Committed {Papers} papers with {Chunks} chunks")]
    public static partial void BatchCommitted(ILogger logger, int papers, int chunks);

    [LoggerMessage(105, LogLevel.Information, "Ingested {Read} records in {ElapsedMs} ms: {Added} added, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped")]
    public static partial void IngestCompleted(ILogger logger, int read, long elapsedMs, int added, int updated, int unchanged, int skipped);

    [LoggerMessage(106, LogLevel.Information, "Ingestion canceled after {Processed} records; committed batches are kept")]
    public static partial void IngestCanceled(ILogger logger, int processed);

    // One line at Error for whoever reads the log; the stack only at Debug, for whoever asks for it.
    [LoggerMessage(107, LogLevel.Error, "Ingestion failed after {Processed} records; committed batches are kept: {Reason}")]
    public static partial void IngestFailed(ILogger logger, int processed, string reason);

    [LoggerMessage(108, LogLevel.Debug, "Ingestion failure in detail")]
    public static partial void IngestFailureDetail(ILogger logger, Exception exception);
}
