using System.Net;
using Microsoft.Extensions.Options;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Discord;

/// <summary>
/// The Discord bot slots into the server: the interactions endpoint is served once a public key is set, off
/// otherwise; Discord:Mode Gateway needs the bot token before the server starts.
/// </summary>
public sealed class DiscordEndpointTests(DiscordServer fixture) : IClassFixture<DiscordServer>, IDisposable
{
    private const string Ping = """{"type": 1}""";
    private readonly TempFolder _collection = new();

    public void Dispose() => _collection.Dispose();

    [Fact]
    public async Task Interactions_PublicKeySet_RefuseAnUnsignedRequestWithoutAskingForAnApiKey()
    {
        using var sut = await fixture.Server.Client.PostAsync(Http.Path("/discord/interactions"), Http.Json(Ping));

        Assert.Equal(HttpStatusCode.Unauthorized, sut.StatusCode);
        Assert.Empty(sut.Headers.WwwAuthenticate); // Discord's signature check answered, not the API key scheme
        Assert.Contains(fixture.Server.Logs.Lines, line => line.Contains("Discord interactions endpoint on at POST /discord/interactions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100 * 1024, HttpStatusCode.Unauthorized)] // over the server's 64 KB, under the endpoint's 256 KB: read, then refused as unsigned
    [InlineData(300 * 1024, HttpStatusCode.RequestEntityTooLarge)]
    public async Task Interactions_LargeBody_TheEndpointsOwnLimitHolds(int bytes, HttpStatusCode expected)
    {
        var body = "{\"type\": 1, \"padding\": \"" + new string('p', bytes) + "\"}";

        using var sut = await fixture.Server.Client.PostAsync(Http.Path("/discord/interactions"), Http.Json(body));

        Assert.Equal(expected, sut.StatusCode);
    }

    [Fact]
    public async Task Interactions_NoPublicKey_AreNotServed()
    {
        await using var plain = await RunningServer.StartAsync(
            TinyCollection.Settings(_collection, new() { ["Server:RateLimit:Enabled"] = "false" }));

        using var sut = await plain.Client.PostAsync(Http.Path("/discord/interactions"), Http.Json(Ping));

        await Problem.AssertAsync(sut, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Start_GatewayModeWithoutBotToken_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync(
            TinyCollection.Settings(_collection, new() { ["Discord:Mode"] = "Gateway", ["Discord:BotToken"] = "" }),
            waitUntilReady: false));

        Assert.Contains("Discord:BotToken is not set", string.Join(" | ", error.Failures), StringComparison.Ordinal);
    }
}
