namespace RagPapers.Server.Ingesting;

/// <summary>Log messages of uploads; the file's content is never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(5101, LogLevel.Information, "Ingested upload {Source}: read {Read}, added {Added}, updated {Updated}, unchanged {Unchanged}, skipped {Skipped} in {ElapsedMs:F0} ms")]
    public static partial void IngestedUpload(ILogger logger, string source, int read, int added, int updated, int unchanged, int skipped, double elapsedMs);

    [LoggerMessage(5102, LogLevel.Information, "Upload {Source} canceled before it was ingested")]
    public static partial void UploadCanceled(ILogger logger, string source);
}
