using Microsoft.Extensions.Logging;

namespace RagPapers.OpenAICompatible;

/// <summary>Log messages of the HTTP client every OpenAI-compatible endpoint goes through. Keys never.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Warning, "Retrying the LLM request (attempt {Attempt}) after status {Status} / {Exception}, waiting {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, int attempt, int? status, string? exception, double delayMs);

    [LoggerMessage(113, LogLevel.Warning, "The endpoint is down ({Exception}); calls fail at once for {BreakSeconds:F0} s, then it is tried again")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds, string? exception);

    [LoggerMessage(114, LogLevel.Information, "The endpoint answers again; calls go through")]
    public static partial void CircuitClosed(ILogger logger);
}
