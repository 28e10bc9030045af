using Microsoft.Extensions.Logging;

namespace RagPapers.OpenAICompatible;

/// <summary>Log messages of the HTTP client every OpenAI-compatible endpoint goes through. Keys never.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Warning, "Retrying the LLM request (attempt {Attempt}) after status {Status} / {Exception}, waiting {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, int attempt, int? status, string? exception, double delayMs);
}
