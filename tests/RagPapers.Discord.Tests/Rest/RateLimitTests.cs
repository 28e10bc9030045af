using Microsoft.Extensions.DependencyInjection;
using RagPapers.Discord.Rest;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Rest;

public sealed class RateLimitTests : IAsyncLifetime
{
    private DiscordStandIn _discord = null!;
    private ServiceProvider _services = null!;

    private DiscordRestClient Sut => _services.GetRequiredService<DiscordRestClient>();

    public async Task InitializeAsync()
    {
        _discord = await DiscordStandIn.StartAsync();
        _services = RestHarness.Build(_discord, settings: new Dictionary<string, string?> { ["Discord:MaxRetries"] = "2" });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EditOriginal_429_RetriesAfterRetryAfter(bool inBody)
    {
        // Without retry_after in the body, the Retry-After header (whole seconds, here 1) is the wait.
        var expected = inBody ? 0.2 : 1.0;
        _discord.EnqueueFault(StandInFault.TooManyRequests(0.2, bodyRetryAfter: inBody));

        await Sut.EditOriginalAsync(_discord.ApplicationId, "tok", new DiscordMessage("hi"));

        var requests = _discord.Requests;
        Assert.Equal(2, requests.Count);
        Assert.InRange((requests[1].ReceivedAt - requests[0].ReceivedAt).TotalSeconds, expected, expected + 5);
    }

    [Fact]
    public async Task Followup_Global429_DelaysEveryRoute()
    {
        _discord.EnqueueFault(StandInFault.TooManyRequests(1.0, global: true));
        var other = DiscordRoute.CreateFollowup(_discord.ApplicationId, "tok-b");
        var buckets = _services.GetRequiredService<RateLimitBuckets>();

        var first = Sut.CreateFollowupAsync(_discord.ApplicationId, "tok-a", new DiscordMessage("a"));
        while (buckets.DelayFor(other) == TimeSpan.Zero && !first.IsCompleted)
        {
            await Task.Delay(5); // until the 429 has been read and the global wait recorded
        }

        await Sut.CreateFollowupAsync(_discord.ApplicationId, "tok-b", new DiscordMessage("b"));
        await first;

        var requests = _discord.Requests;
        var waited = requests.Single(r => r.WebhookToken == "tok-b").ReceivedAt - requests[0].ReceivedAt;
        Assert.True(waited >= TimeSpan.FromSeconds(1.0), $"{waited.TotalSeconds:F3} s");
    }

    [Fact]
    public async Task Followup_BucketExhausted_WaitsForResetAfterBeforeTheNextCall()
    {
        // X-RateLimit-Remaining 0 with Reset-After 0.3 on a success: the bucket is empty, the next call waits.
        _discord.EnqueueFault(new StandInFault(200, """{"id":"1"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = "abc", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.3",
        }));

        await Sut.CreateFollowupAsync(_discord.ApplicationId, "tok", new DiscordMessage("a"));
        await Sut.CreateFollowupAsync(_discord.ApplicationId, "tok", new DiscordMessage("b"));

        var requests = _discord.Requests;
        // 20 ms of slack: timers may fire a tick early, and the two clocks (stand-in, client) are read at different points.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.28));
    }

    [Fact]
    public async Task EditOriginal_429EveryTime_GivesUpAfterMaxRetries()
    {
        for (var i = 0; i < 5; i++)
        {
            _discord.EnqueueFault(StandInFault.TooManyRequests(0.05));
        }

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Sut.EditOriginalAsync(_discord.ApplicationId, "secret-tok-9z", new DiscordMessage("hi")));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(3, _discord.Requests.Count); // the call and Discord:MaxRetries = 2 retries
        Assert.DoesNotContain("secret-tok-9z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditOriginal_RetryAfterBeyondTheMaximumWait_GivesUpAtOnce()
    {
        _discord.EnqueueFault(StandInFault.TooManyRequests(3_600));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Sut.EditOriginalAsync(_discord.ApplicationId, "tok", new DiscordMessage("hi")));

        Assert.Equal(429, error.StatusCode);
        Assert.Single(_discord.Requests);
    }

    [Fact]
    public async Task EditOriginal_502ThenOk_Retries()
    {
        _discord.EnqueueFault(StandInFault.Error(502, 0, "Bad Gateway"));

        await Sut.EditOriginalAsync(_discord.ApplicationId, "tok", new DiscordMessage("hi"));

        Assert.Equal(2, _discord.Requests.Count);
    }

    [Fact]
    public async Task EditOriginal_404_ThrowsWithDiscordsCode()
    {
        _discord.EnqueueFault(StandInFault.Error(404, 10015, "Unknown Webhook"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Sut.EditOriginalAsync(_discord.ApplicationId, "tok", new DiscordMessage("hi")));

        Assert.Equal((404, 10015), (error.StatusCode, error.Code));
        Assert.Single(_discord.Requests);
    }
}
