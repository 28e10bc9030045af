using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Tests.Rest;

public sealed class RateLimitBucketsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly DiscordRoute _edit = DiscordRoute.EditOriginal("1", "a");
    private readonly DiscordRoute _followup = DiscordRoute.CreateFollowup("1", "a");

    [Fact]
    public void DelayFor_NothingKnown_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, new RateLimitBuckets(_time).DelayFor(_edit));
    }

    [Fact]
    public void OnTooManyRequests_PerRoute_DelaysOnlyThatRoute()
    {
        var sut = new RateLimitBuckets(_time);

        sut.OnTooManyRequests(_edit, TimeSpan.FromSeconds(2), global: false);
        _time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.Equal(TimeSpan.FromSeconds(1.5), sut.DelayFor(_edit)); // 2 s named, 0.5 s gone
        Assert.Equal(TimeSpan.Zero, sut.DelayFor(_followup));
    }

    [Fact]
    public void OnTooManyRequests_Global_DelaysEveryRoute()
    {
        var sut = new RateLimitBuckets(_time);

        sut.OnTooManyRequests(_edit, TimeSpan.FromSeconds(3), global: true);

        Assert.Equal(TimeSpan.FromSeconds(3), sut.DelayFor(_followup));
    }

    [Fact]
    public void Observe_SharedBucketExhausted_DelaysEveryRouteInThatBucket()
    {
        // Both routes report bucket "h1"; the second says it is empty for 1.25 s, so the first waits too.
        var sut = new RateLimitBuckets(_time);
        sut.Observe(_edit, Headers(("X-RateLimit-Bucket", "h1"), ("X-RateLimit-Remaining", "4")));

        sut.Observe(_followup, Headers(("X-RateLimit-Bucket", "h1"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "1.25")));

        Assert.Equal(TimeSpan.FromSeconds(1.25), sut.DelayFor(_edit));
        _time.Advance(TimeSpan.FromSeconds(1.25));
        Assert.Equal(TimeSpan.Zero, sut.DelayFor(_edit));
    }

    [Fact]
    public void Observe_RemainingAboveZero_DoesNotDelay()
    {
        var sut = new RateLimitBuckets(_time);

        sut.Observe(_edit, Headers(("X-RateLimit-Bucket", "h1"), ("X-RateLimit-Remaining", "1"), ("X-RateLimit-Reset-After", "9")));

        Assert.Equal(TimeSpan.Zero, sut.DelayFor(_edit));
    }

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] values)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in values)
        {
            response.Headers.Add(name, value);
        }

        return response.Headers;
    }
}
