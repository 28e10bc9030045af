using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Discord.Gateway;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Tests.Gateway;

public sealed class IdentifyLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void AcquireAsync_StartsLeft_GoesAtOnce()
    {
        var sut = Create(remaining: 999, maxConcurrency: 1);

        Assert.True(sut.AcquireAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AcquireAsync_NoStartsLeft_WaitsForTheReset()
    {
        var sut = Create(remaining: 0, maxConcurrency: 1, resetAfterMs: 60_000);

        var acquire = sut.AcquireAsync();
        _time.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        Assert.False(acquire.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await acquire.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AcquireAsync_MaxConcurrencyTwo_TheThirdWithin5SecondsWaits()
    {
        var sut = Create(remaining: 999, maxConcurrency: 2);

        Assert.True(sut.AcquireAsync().IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(sut.AcquireAsync().IsCompletedSuccessfully);
        var third = sut.AcquireAsync();
        _time.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromMilliseconds(1)); // 4.999 s after the first
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AcquireAsync_LastStartUsedLocally_WaitsEvenBeforeDiscordSaysSo()
    {
        var sut = Create(remaining: 1, maxConcurrency: 16);

        Assert.True(sut.AcquireAsync().IsCompletedSuccessfully);

        Assert.False(sut.AcquireAsync().IsCompleted);
    }

    private IdentifyLimiter Create(int remaining, int maxConcurrency, long resetAfterMs = 3_600_000)
    {
        var sut = new IdentifyLimiter(_time, NullLogger<IdentifyLimiter>.Instance);
        sut.Update(new SessionStartLimit(1000, remaining, resetAfterMs, maxConcurrency));
        return sut;
    }
}
