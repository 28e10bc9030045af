using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Discord.Background;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Rest;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Background;

public sealed class InteractionDeliveryTests : IAsyncLifetime
{
    private static readonly DiscordMessage[] ThreeMessages = [new("one"), new("two"), new("three")];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private DiscordStandIn _discord = null!;
    private ServiceProvider _services = null!;
    private InteractionDelivery _sut = null!;

    public async Task InitializeAsync()
    {
        _discord = await DiscordStandIn.StartAsync();
        _services = RestHarness.Build(_discord, _time);
        _sut = new InteractionDelivery(_services.GetRequiredService<DiscordRestClient>(), _time, NullLogger<InteractionDelivery>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task DeliverAsync_FreshToken_EditsTheOriginalThenPostsFollowUps()
    {
        var delivered = await _sut.DeliverAsync(Interaction(receivedMinutesAgo: 1), ThreeMessages);

        Assert.True(delivered);
        Assert.Equal(["update_original_webhook_message", "execute_webhook", "execute_webhook"], _discord.Requests.Select(r => r.OperationId));
        Assert.Equal(["one", "two", "three"], _discord.Requests.Select(r => r.Body!["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DeliverAsync_TokenOlderThan15Minutes_SendsNothing()
    {
        var delivered = await _sut.DeliverAsync(Interaction(receivedMinutesAgo: 15), ThreeMessages);

        Assert.False(delivered);
        Assert.Empty(_discord.Requests);
    }

    [Fact]
    public async Task DeliverAsync_TokenExpiresAfterTheFirstMessage_SendsNoFollowUp()
    {
        // Ten seconds of the token's usable life are left, and the first request takes twenty on the clock (less
        // than the 30 s attempt timeout, which runs on the same clock and would cut a longer jump).
        _discord.OnRequest = _ => _time.Advance(TimeSpan.FromSeconds(20));
        var received = _time.GetUtcNow() - PendingCommand.Lifetime + TimeSpan.FromSeconds(20);

        var delivered = await _sut.DeliverAsync(Interaction(received), ThreeMessages);

        Assert.False(delivered);
        Assert.True(Assert.Single(_discord.Requests).IsEditOriginal);
    }

    [Fact]
    public async Task DeliverAsync_DiscordRefusesTheAnswer_ReplacesItWithAFailureNotice()
    {
        _discord.EnqueueFault(StandInFault.Error(400, 50035, "Invalid Form Body"));

        var delivered = await _sut.DeliverAsync(Interaction(receivedMinutesAgo: 0), ThreeMessages);

        Assert.False(delivered);
        Assert.Equal(2, _discord.Requests.Count);
        Assert.StartsWith("Sorry", _discord.Requests[1].Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_WebhookGone_StopsWithoutThrowing()
    {
        _discord.EnqueueFault(StandInFault.Error(404, 10015, "Unknown Webhook"));

        var delivered = await _sut.DeliverAsync(Interaction(receivedMinutesAgo: 0), ThreeMessages);

        Assert.False(delivered);
        Assert.Single(_discord.Requests);
    }

    private DeferredInteraction Interaction(int receivedMinutesAgo) => Interaction(_time.GetUtcNow() - TimeSpan.FromMinutes(receivedMinutesAgo));

    private DeferredInteraction Interaction(DateTimeOffset received) => new(
        "1", _discord.ApplicationId, InteractionJson.NewToken(), "channel",
        new SlashCommandInvocation("ask", new Dictionary<string, System.Text.Json.JsonElement>()),
        received);
}
