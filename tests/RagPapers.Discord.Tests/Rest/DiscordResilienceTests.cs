using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RagPapers.Discord.Rest;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Rest;

/// <summary>The attempt timeout and the circuit breaker of Discord REST calls, on a fake clock.</summary>
public sealed class DiscordResilienceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private DiscordStandIn _discord = null!;

    public async Task InitializeAsync() => _discord = await DiscordStandIn.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task EditOriginal_NoReplyWithinTheAttemptTimeout_FailsAsAConnectionFailure()
    {
        await using var services = RestHarness.Build(_discord, _time);
        _discord.OnRequest = _ => _time.Advance(DiscordResilience.AttemptTimeout + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Sut(services).EditOriginalAsync(_discord.ApplicationId, "secret-tok", new DiscordMessage("hi")));

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Equal("Discord did not answer PATCH /webhooks/{application_id}/{token}/messages/@original within 30 s.", error.Message);
        Assert.Single(_discord.Requests);
    }

    [Fact]
    public async Task TriggerTyping_DiscordFoundUnreachable_FailsAtOnceForTheBreakThenTriesAgain()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/api/v10";
        await using var services = RestHarness.Build(_discord, _time, new Dictionary<string, string?> { ["Discord:ApiBaseUrl"] = url });
        var sut = Sut(services);

        for (var i = 0; i < 2; i++)
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => sut.TriggerTypingAsync("c1"));
            Assert.IsNotType<BrokenCircuitException>(refused.InnerException);
        }

        var skipped = await Assert.ThrowsAsync<HttpRequestException>(() => sut.TriggerTypingAsync("c1"));
        _time.Advance(DiscordResilience.BreakDuration);
        var triedAgain = await Assert.ThrowsAsync<HttpRequestException>(() => sut.TriggerTypingAsync("c1"));

        Assert.IsType<BrokenCircuitException>(skipped.InnerException);
        Assert.StartsWith("Discord was unreachable moments ago, so POST /channels/{channel_id}/typing was not sent", skipped.Message, StringComparison.Ordinal);
        Assert.IsNotType<BrokenCircuitException>(triedAgain.InnerException);
    }

    [Fact]
    public async Task EditOriginal_ErrorStatuses_DoNotOpenTheBreaker()
    {
        await using var services = RestHarness.Build(_discord, _time, new Dictionary<string, string?> { ["Discord:MaxRetries"] = "0" });
        for (var i = 0; i < 3; i++)
        {
            _discord.EnqueueFault(StandInFault.Error(404, 10015, "Unknown Webhook"));
        }

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => Sut(services).EditOriginalAsync(_discord.ApplicationId, "tok", new DiscordMessage("hi")));
        }

        await Sut(services).EditOriginalAsync(_discord.ApplicationId, "tok", new DiscordMessage("hi"));

        Assert.Equal(4, _discord.Requests.Count);
    }

    private static DiscordRestClient Sut(ServiceProvider services) => services.GetRequiredService<DiscordRestClient>();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // released on dispose: nothing listens there afterwards
    }
}
