namespace RagPapers.Server.Errors;

internal static partial class Log
{
    [LoggerMessage(5201, LogLevel.Warning, "Answered {Path} with 503: {Reason}")]
    public static partial void StoreUnavailable(ILogger logger, string path, string reason);
}
