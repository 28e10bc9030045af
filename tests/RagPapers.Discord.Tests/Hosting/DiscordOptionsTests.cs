using System.Net;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Hosting;

public sealed class DiscordOptionsTests
{
    [Fact]
    public async Task Start_OtherDiscordSettingWithoutPublicKey_LeavesTheEndpointOffAndSaysHowToTurnItOn()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Discord:PublicKey"] = "", ["Discord:ApplicationId"] = "111111111111111111" });

        using var response = await bot.PostAsync(InteractionJson.Ping(), new Ed25519KeyPair());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("interactions endpoint is off: set Discord:PublicKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_NoDiscordSettingAtAll_SaysNothingAboutDiscord()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Discord:PublicKey"] = "" });

        using var response = await bot.PostAsync(InteractionJson.Ping(), new Ed25519KeyPair());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("interactions endpoint", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Discord:PublicKey", "not-a-key")]
    [InlineData("Discord:PublicKey", "abcd")]
    [InlineData("Discord:ApiBaseUrl", "discord.com/api")]
    [InlineData("Discord:ApplicationId", "my-app")]
    [InlineData("Discord:QueueCapacity", "0")]
    [InlineData("Discord:MaxRetries", "-1")]
    public async Task Start_InvalidSetting_FailsWithAMessageNamingIt(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PublicKeyNotOnTheCurve_FailsNamingIt()
    {
        var notAPoint = NotACurvePoint();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(new Dictionary<string, string?> { ["Discord:PublicKey"] = notAPoint }));

        Assert.Contains("Discord:PublicKey is not a valid Ed25519 public key", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    // About half of all 32-byte strings do not decode to a point of the curve; find one rather than trust a constant.
    private static string NotACurvePoint()
    {
        for (byte b = 2; ; b++)
        {
            var key = new byte[32];
            key[0] = b;
            try
            {
                _ = new Ed25519PublicKeyParameters(key, 0);
            }
            catch (ArgumentException)
            {
                return Convert.ToHexString(key);
            }
        }
    }
}
