namespace RagPapers.Server.Hosting;

/// <summary>Log messages of each request.</summary>
internal static partial class Log
{
    [LoggerMessage(5005, LogLevel.Information, "{Method} {Path} {StatusCode} {ElapsedMs:F1} ms")]
    public static partial void Request(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(5006, LogLevel.Debug, "{Method} {Path} {Protocol} answered {StatusCode} ({ContentType}, {ResponseBytes} bytes) in {ElapsedMs:F1} ms; endpoint {Endpoint}, query string {QueryLength} characters, client {Client}")]
    public static partial void RequestDetail(
        ILogger logger, string method, string path, string protocol, int statusCode, string? contentType, long? responseBytes, double elapsedMs, string? endpoint, int queryLength, string? client);
}
