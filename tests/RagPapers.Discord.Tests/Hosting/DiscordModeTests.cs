using System.Net;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Hosting;

/// <summary>Discord:Mode in the server's composition: which way in each mode opens, and what each needs.</summary>
public sealed class DiscordModeTests : IAsyncLifetime
{
    private readonly Ed25519KeyPair _key = new();
    private DiscordStandIn _rest = null!;
    private GatewayStandIn _gateway = null!;

    public async Task InitializeAsync()
    {
        _rest = await DiscordStandIn.StartAsync();
        _gateway = await GatewayStandIn.StartAsync(TimeProvider.System);
        _rest.GatewayUrl = _gateway.Url;
        _gateway.BotToken = _rest.BotToken;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _rest.DisposeAsync();
    }

    [Theory]
    [InlineData("Gateway", "", "", "Discord:BotToken is not set")]
    [InlineData("Interactions, Gateway", "", "stand-in-bot-token", "Discord:PublicKey")]
    [InlineData("None", "", "", "Discord:Mode 'None' must be Interactions")]
    public async Task Start_ModeWithoutWhatItNeeds_FailsNamingTheSetting(string mode, string publicKey, string botToken, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = mode,
            ["Discord:PublicKey"] = publicKey,
            ["Discord:BotToken"] = botToken,
        }));

        Assert.Contains(expected, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BothModes_ServesTheEndpointAndConnectsToTheGateway()
    {
        await using var sut = await StartAsync("Interactions, Gateway");

        using var pong = await sut.PostAsync(InteractionJson.Ping(), _key);

        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());
        await _gateway.WaitForPayloadAsync(1, op: 2);
        await _gateway.WaitUntilAsync(() => sut.Logs.Lines.Any(l => l.Contains("Connected to Discord as", StringComparison.Ordinal)), "READY handled");
    }

    [Fact]
    public async Task Start_GatewayOnly_ConnectsAndLeavesTheEndpointOff()
    {
        await using var sut = await StartAsync("Gateway");

        using var response = await sut.PostAsync(InteractionJson.Ping(), _key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(sut.Logs.Lines, l => l.Contains("endpoint is off: Discord:Mode is Gateway", StringComparison.Ordinal));
        await _gateway.WaitForPayloadAsync(1, op: 2);
    }

    [Fact]
    public async Task Start_InteractionsOnly_NeverConnectsToTheGateway()
    {
        await using var sut = await StartAsync("Interactions");

        using var pong = await sut.PostAsync(InteractionJson.Ping(), _key);

        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Empty(_gateway.Connections);
        Assert.DoesNotContain(_rest.Requests, r => r.OperationId == "get_bot_gateway");
    }

    private Task<BotServer> StartAsync(string mode) => BotServer.StartAsync(new Dictionary<string, string?>
    {
        ["Collection:Paths:0"] = Directory.GetFiles(TestPaths.PapersDir).Order().ElementAt(2),
        ["Discord:Mode"] = mode,
        ["Discord:PublicKey"] = _key.PublicKeyHex,
        ["Discord:BotToken"] = _rest.BotToken,
        ["Discord:ApiBaseUrl"] = _rest.BaseUrl,
    });
}
