namespace RagPapers.OpenAICompatible;

/// <summary>
/// The wait a response's Retry-After asks for. Polly's HTTP retry waits it out by itself; this reads it only to refuse
/// a wait longer than the configured cap, which a user at a prompt should not sit through.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait (delta-seconds, or an HTTP date measured on <paramref name="time"/>), never negative; null without the header.</summary>
    public static TimeSpan? Of(HttpResponseMessage? response, TimeProvider time)
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

    public static bool IsBeyond(HttpResponseMessage? response, TimeSpan cap, TimeProvider time) =>
        Of(response, time) is { } wait && wait > cap;
}
