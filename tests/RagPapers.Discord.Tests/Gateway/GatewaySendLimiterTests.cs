using Microsoft.Extensions.Time.Testing;
using RagPapers.Discord.Gateway;

namespace RagPapers.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task WaitAsync_115Events_GoAtOnceAndThe116thWaitsForTheFirstToAgeOut()
    {
        var sut = new GatewaySendLimiter(_time);
        for (var i = 0; i < 115; i++)
        {
            Assert.True(sut.WaitAsync(isHeartbeat: false).IsCompletedSuccessfully, $"event {i + 1}");
        }

        _time.Advance(TimeSpan.FromSeconds(10));
        var next = sut.WaitAsync(isHeartbeat: false);
        _time.Advance(TimeSpan.FromSeconds(50) - TimeSpan.FromMilliseconds(1)); // the first was sent 59.999 s ago

        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void WaitAsync_OtherEventsUsedTheirShare_HeartbeatsStillGo()
    {
        var sut = new GatewaySendLimiter(_time);
        for (var i = 0; i < 115; i++)
        {
            _ = sut.WaitAsync(isHeartbeat: false);
        }

        // 5 places are kept for heartbeats: 115 + 5 = 120, Discord's limit.
        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(sut.WaitAsync(isHeartbeat: true).IsCompletedSuccessfully));
        Assert.False(sut.WaitAsync(isHeartbeat: true).IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_SendingAsFastAsAllowedFor5Minutes_NeverMoreThan120InAnyMinute()
    {
        var sut = new GatewaySendLimiter(_time);
        var sent = new List<DateTimeOffset>();
        var end = _time.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (_time.GetUtcNow() < end)
        {
            var send = sut.WaitAsync(isHeartbeat: sent.Count % 10 == 0);
            while (!send.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(250));
            }

            await send;
            sent.Add(_time.GetUtcNow());
        }

        Assert.True(sent.Count > 500, $"only {sent.Count} sent"); // the limiter lets the full rate through
        Assert.All(sent, at => Assert.True(sent.Count(t => t > at - GatewaySendLimiter.Window && t <= at) <= 120, $"more than 120 in the minute before {at:HH:mm:ss.fff}"));
    }
}
