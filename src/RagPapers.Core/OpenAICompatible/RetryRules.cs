using System.Net;
using Polly;
using Polly.Timeout;

namespace RagPapers.OpenAICompatible;

/// <summary>
/// When a request to an OpenAI-compatible endpoint is tried again, and after how long. Pure, so it is tested
/// with worked examples.
/// </summary>
/// <remarks>
/// Retried: no connection, 408, 429 and 5xx, the failures that pass. Not retried: other 4xx (the request is
/// wrong and stays wrong), and a 429/503 whose Retry-After asks for longer than the configured cap: a user
/// waiting at a prompt is better served by the extractive answer now than by an answer in five minutes.
/// </remarks>
internal static class RetryRules
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null || !IsTransient(response.StatusCode))
        {
            return false;
        }

        return RetryAfter(response, time) is not { } wait || wait <= maxRetryAfter;
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait a response's Retry-After asks for (delta-seconds or an HTTP date), or null for none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
