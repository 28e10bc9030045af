using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Gateway;

/// <summary>Hello, Identify, READY and the heartbeat against the Gateway stand-in, on a fake clock.</summary>
public sealed class GatewayLifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    // Long enough for a heartbeat that was due to have reached the stand-in over loopback.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private GatewayBot _bot = null!;
    private DateTimeOffset _started;

    private TimeSpan Interval => TimeSpan.FromMilliseconds(_bot.Gateway.HeartbeatIntervalMs);

    public async Task InitializeAsync()
    {
        _bot = await GatewayBot.StartAsync();
        _started = _bot.Time.GetUtcNow(); // the clock stands still until a test moves it, so Hello came at this time
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Connect_Hello_IdentifiesWithTheTokenIntentsAndProperties()
    {
        var identify = await _bot.Gateway.WaitForPayloadAsync(1, op: 2);
        await _bot.WaitConnectedAsync();

        var sut = _bot.Gateway.Connections[0];
        Assert.Equal("/gateway", sut.Path);
        Assert.Equal("v=10&encoding=json", sut.Query);
        Assert.Equal(_bot.Rest.BotToken, identify.D!["token"]!.GetValue<string>());
        Assert.Equal((1 << 9) | (1 << 12), identify.D["intents"]!.GetValue<int>()); // GUILD_MESSAGES | DIRECT_MESSAGES
        Assert.All(new[] { "os", "browser", "device" }, p => Assert.False(string.IsNullOrEmpty(identify.D["properties"]![p]!.GetValue<string>())));
        Assert.Equal("get_bot_gateway", Assert.Single(_bot.Rest.Requests).OperationId);
        Assert.Empty(_bot.Gateway.Violations);
        Assert.Contains(_bot.Logs.Lines, l => l.Contains("Connected to Discord as RagPapers Test Bot (id 444444444444444444)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Heartbeat_AfterHello_FirstAtIntervalTimesJitterThenEveryInterval()
    {
        await _bot.WaitConnectedAsync();
        var first = Interval * GatewayBot.Jitter; // 41.25 s × 0.25 = 10.3125 s after Hello

        await AssertNoHeartbeatUntilAsync(first, heartbeatsBefore: 0);
        var beat = await NextHeartbeatAsync(1);
        await AssertNoHeartbeatUntilAsync(Interval, heartbeatsBefore: 1);
        var second = await NextHeartbeatAsync(2);

        Assert.Equal(_started + first, beat.At);
        Assert.Equal(_started + first + Interval, second.At);
        Assert.Equal(1, beat.D!.GetValue<long>()); // the sequence number of READY, the last dispatch received
        Assert.Empty(_bot.Gateway.Violations);
    }

    [Fact]
    public async Task Heartbeat_RequestedByOp1_GoesOutAtOnce()
    {
        await _bot.WaitConnectedAsync();

        await _bot.Gateway.SendAsync(1);

        var beat = await _bot.Gateway.WaitForPayloadAsync(1, op: 1);
        Assert.Equal(_started, beat.At);
    }

    [Fact]
    public async Task Heartbeat_NotAcknowledged_ClosesTheZombieAndResumes()
    {
        await _bot.WaitConnectedAsync();
        _bot.Gateway.AckHeartbeats = false;
        _bot.Time.Advance(Interval * GatewayBot.Jitter);
        await _bot.Gateway.WaitForPayloadAsync(1, op: 1);

        _bot.Time.Advance(Interval); // the next beat is due and the last one has no ACK
        await _bot.WaitForLogAsync("Reconnecting to the Discord Gateway in 1.0 s (resume): no heartbeat ACK");
        _bot.Gateway.AckHeartbeats = true;
        _bot.Time.Advance(TimeSpan.FromSeconds(1));

        var resume = await _bot.Gateway.WaitForPayloadAsync(2, op: 6);
        await _bot.WaitForLogAsync("Resumed the Discord Gateway session");
        Assert.Single(_bot.Gateway.Connections[0].Heartbeats); // no second beat into the zombie
        Assert.Equal(GatewayCloseCodesUnderTest.Reconnecting, _bot.Gateway.Connections[0].ClientCloseCode);
        AssertResume(resume, expectedSeq: 1);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnTheResumeUrlAtOnce()
    {
        await _bot.WaitConnectedAsync();

        await _bot.Gateway.SendAsync(7);

        var resume = await _bot.Gateway.WaitForPayloadAsync(2, op: 6);
        await _bot.WaitForLogAsync("Resumed the Discord Gateway session; 0 missed event(s) replayed");
        AssertResume(resume, expectedSeq: 1);
        Assert.Equal(_started, resume.At); // no wait
        Assert.Single(_bot.Rest.Requests); // a resume does not ask for the Gateway's URL again
    }

    [Fact]
    public async Task InvalidSession_NotResumable_WaitsThenIdentifiesWithinTheConcurrencyLimit()
    {
        await _bot.WaitConnectedAsync();

        await _bot.Gateway.SendAsync(9, false);

        // 1 + 4 × jitter = 2 s; then Identify waits out max_concurrency 1 per 5 s: 3 s more.
        await _bot.WaitForLogAsync("Reconnecting to the Discord Gateway in 2.0 s (identify)");
        _bot.Time.Advance(TimeSpan.FromSeconds(2) - Millisecond);
        await Task.Delay(Quiet);
        Assert.Single(_bot.Rest.Requests);
        _bot.Time.Advance(Millisecond);
        await _bot.WaitForLogAsync("Waiting 3 s before starting a Gateway session: Discord allows 1 Identify per 5 seconds");
        _bot.Time.Advance(TimeSpan.FromSeconds(3));
        var identify = await _bot.Gateway.WaitForPayloadAsync(2, op: 2);
        await _bot.WaitConnectedAsync(times: 2);

        Assert.Equal("/gateway", _bot.Gateway.Connections[1].Path);
        Assert.Equal(_started + TimeSpan.FromSeconds(5), identify.At);
        Assert.Equal(2, _bot.Rest.Requests.Count(r => r.OperationId == "get_bot_gateway"));
    }

    [Fact]
    public async Task InvalidSession_Resumable_WaitsThenResumes()
    {
        await _bot.WaitConnectedAsync();

        await _bot.Gateway.SendAsync(9, true);

        await _bot.WaitForLogAsync("Reconnecting to the Discord Gateway in 2.0 s (resume)");
        _bot.Time.Advance(TimeSpan.FromSeconds(2));
        var resume = await _bot.Gateway.WaitForPayloadAsync(2, op: 6);
        AssertResume(resume, expectedSeq: 1);
    }

    private async Task AssertNoHeartbeatUntilAsync(TimeSpan afterLastDue, int heartbeatsBefore)
    {
        _bot.Time.Advance(afterLastDue - Millisecond);
        await Task.Delay(Quiet);
        Assert.Equal(heartbeatsBefore, _bot.Gateway.Connections[0].Heartbeats.Count);
        _bot.Time.Advance(Millisecond);
    }

    private async Task<ReceivedPayload> NextHeartbeatAsync(int count)
    {
        var beat = await _bot.Gateway.WaitForPayloadAsync(1, op: 1, count);
        await _bot.WaitForLogAsync("Heartbeat acknowledged", count); // so the next check does not race the ACK
        return beat;
    }

    private void AssertResume(ReceivedPayload resume, long expectedSeq)
    {
        var connection = _bot.Gateway.Connections[^1];
        Assert.Equal("/resume", connection.Path);
        Assert.Equal("v=10&encoding=json", connection.Query);
        Assert.Equal(6, connection.Received[0].Op); // Resume first, no Identify
        Assert.Equal(_bot.Rest.BotToken, resume.D!["token"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(resume.D["session_id"]!.GetValue<string>()));
        Assert.Equal(expectedSeq, resume.D["seq"]!.GetValue<long>());
        Assert.Empty(_bot.Gateway.Violations);
    }
}

/// <summary>The close code the bot reconnects with, stated independently of the code under test.</summary>
internal static class GatewayCloseCodesUnderTest
{
    public const int Reconnecting = 4900;
}
