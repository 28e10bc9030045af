using System.Net;
using System.Text.Json;

namespace RagPapers.Discord.Rest;

/// <summary>
/// A failed response as the retry reads it: Discord's error body and, on a 429, how long to wait (the body's
/// retry_after, else the Retry-After header, else 1 s) and whether the limit is global.
/// </summary>
internal sealed record DiscordFailure(HttpStatusCode Status, DiscordErrorBody? Error, double RetryAfterSeconds, bool Global)
{
    public bool IsRateLimit => Status == HttpStatusCode.TooManyRequests;

    /// <summary>A 502/503/504: a Discord edge or gateway hiccup that passes.</summary>
    public bool IsTransient => Status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static async Task<DiscordFailure> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var error = await ReadErrorAsync(response, cancellationToken);
        var seconds = error?.RetryAfter ?? RateLimitBuckets.Number(response.Headers, "Retry-After") ?? 1.0;
        var global = error?.Global == true || string.Equals(RateLimitBuckets.Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        return new DiscordFailure(response.StatusCode, error, seconds, global);
    }

    // The response is buffered (HttpClient's default), so the retry's decision and the final error may both read it.
    private static async Task<DiscordErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML error page: the status code says enough
        }
    }
}
