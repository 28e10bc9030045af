using System.Globalization;
using System.Net.Http.Headers;

namespace RagPapers.Discord.Rest;

/// <summary>
/// What Discord has said about its rate limits, shared by every call: which bucket a route belongs to
/// (X-RateLimit-Bucket), when an exhausted bucket refills (X-RateLimit-Remaining 0 + X-RateLimit-Reset-After),
/// and the waits a 429 named, per bucket or for the whole bot when it was global.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time)
{
    private const int MaxEntries = 1_024; // webhook routes are per interaction token: forget old ones

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private DateTimeOffset _globalUntil;

    /// <summary>How long a call on <paramref name="route"/> must wait before it may be sent; zero when it may go now.</summary>
    public TimeSpan DelayFor(DiscordRoute route)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var until = _globalUntil;
            if (_blockedUntil.TryGetValue(BucketKey(route), out var bucketUntil) && bucketUntil > until)
            {
                until = bucketUntil;
            }

            return until > now ? until - now : TimeSpan.Zero;
        }
    }

    /// <summary>Learns from the rate-limit headers of any response.</summary>
    public void Observe(DiscordRoute route, HttpResponseHeaders headers)
    {
        var bucket = Header(headers, "X-RateLimit-Bucket");
        var remaining = Number(headers, "X-RateLimit-Remaining");
        var resetAfter = Number(headers, "X-RateLimit-Reset-After");
        lock (_gate)
        {
            if (bucket is not null)
            {
                if (_bucketOfRoute.Count >= MaxEntries)
                {
                    _bucketOfRoute.Clear();
                }

                _bucketOfRoute[route.Key] = bucket + " " + route.MajorParameter;
            }

            if (remaining == 0 && resetAfter is > 0)
            {
                Block(BucketKey(route), time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter.Value));
            }
        }
    }

    /// <summary>Records a 429: the bucket (or, when <paramref name="global"/>, every call) waits <paramref name="retryAfter"/>.</summary>
    public void OnTooManyRequests(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                _globalUntil = until > _globalUntil ? until : _globalUntil;
            }
            else
            {
                Block(BucketKey(route), until);
            }
        }
    }

    private string BucketKey(DiscordRoute route) => _bucketOfRoute.TryGetValue(route.Key, out var key) ? key : route.Key;

    private void Block(string key, DateTimeOffset until)
    {
        if (_blockedUntil.Count >= MaxEntries)
        {
            var now = time.GetUtcNow();
            foreach (var expired in _blockedUntil.Where(e => e.Value <= now).Select(e => e.Key).ToArray())
            {
                _blockedUntil.Remove(expired);
            }
        }

        _blockedUntil[key] = _blockedUntil.TryGetValue(key, out var existing) && existing > until ? existing : until;
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    internal static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
