using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Rest;

/// <summary>Log messages of Discord REST calls: routes appear as templates, never with their tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Discord rate-limited {Route}: retrying in {RetryAfterSeconds:F2} s (global {Global}, attempt {Attempt})")]
    public static partial void RateLimited(ILogger logger, string route, double retryAfterSeconds, bool global, int attempt);

    [LoggerMessage(2, LogLevel.Error, "Discord rate-limited {Route} for {RetryAfterSeconds:F1} s, longer than Discord:MaxRetryWaitSeconds: giving up")]
    public static partial void RateLimitTooLong(ILogger logger, string route, double retryAfterSeconds);

    [LoggerMessage(3, LogLevel.Warning, "Discord answered {StatusCode} to {Route}: retrying in {BackoffSeconds:F1} s (attempt {Attempt})")]
    public static partial void TransientFailure(ILogger logger, string route, int statusCode, double backoffSeconds, int attempt);

    [LoggerMessage(4, LogLevel.Debug, "Waiting {WaitSeconds:F2} s for the rate-limit bucket of {Route}")]
    public static partial void WaitingForBucket(ILogger logger, string route, double waitSeconds);
}
