using Microsoft.Extensions.Logging;

namespace RagPapers.Indexing;

internal static partial class Log
{
    [LoggerMessage(4101, LogLevel.Debug, "Embedded {Chunks} chunks in the background; {Embedded}/{Total} have their vector")]
    public static partial void BatchEmbedded(ILogger logger, int chunks, int embedded, int total);

    [LoggerMessage(4102, LogLevel.Information, "Semantic index complete: {Total} chunks, {Filled} embedded now in {Seconds:F1} s")]
    public static partial void Completed(ILogger logger, int total, int filled, double seconds);

    [LoggerMessage(4103, LogLevel.Warning, "The semantic index stopped at {Embedded}/{Total}; retrying in {RetrySeconds:F0} s (keyword results meanwhile)")]
    public static partial void Failed(ILogger logger, Exception exception, int embedded, int total, double retrySeconds);

    [LoggerMessage(4104, LogLevel.Error, "The semantic index stopped at {Embedded}/{Total} and will not retry: {Reason}")]
    public static partial void Stopped(ILogger logger, int embedded, int total, string reason);

    [LoggerMessage(4105, LogLevel.Debug, "The semantic index was cancelled at {Embedded}/{Total}; it resumes from there")]
    public static partial void Canceled(ILogger logger, int embedded, int total);

    [LoggerMessage(4106, LogLevel.Information, "Dropped every vector: re-embedding {Total} chunks")]
    public static partial void Reembedding(ILogger logger, int total);
}
