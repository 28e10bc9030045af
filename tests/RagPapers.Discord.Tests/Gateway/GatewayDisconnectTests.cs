using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Gateway;

/// <summary>Close codes, dropped connections, back-off and the session start limit, against the Gateway stand-in.</summary>
public sealed class GatewayDisconnectTests
{
    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task Close_ResumableCode_ReconnectsAfterABackOffAndResumes(int code)
    {
        await using var bot = await GatewayBot.StartAsync();
        await bot.WaitConnectedAsync();

        await bot.Gateway.CloseAsync(code, "test");

        await bot.WaitForLogAsync($"Reconnecting to the Discord Gateway in 1.0 s (resume): Discord closed the connection ({code}, ");
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var resume = await bot.Gateway.WaitForPayloadAsync(2, op: 6);
        await bot.WaitForLogAsync("Resumed the Discord Gateway session");
        Assert.Equal("/resume", bot.Gateway.Connections[1].Path);
        Assert.Equal(1, resume.D!["seq"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_SessionGone_ReconnectsWithANewSession(int code)
    {
        await using var bot = await GatewayBot.StartAsync();
        await bot.WaitConnectedAsync();

        await bot.Gateway.CloseAsync(code, "test");

        await bot.WaitForLogAsync($"Reconnecting to the Discord Gateway in 1.0 s (identify): Discord closed the connection ({code}, ");
        bot.Time.Advance(TimeSpan.FromSeconds(5)); // also past max_concurrency's 5 s since the first Identify
        await bot.Gateway.WaitForPayloadAsync(2, op: 2);
        await bot.WaitConnectedAsync(times: 2);
        Assert.Equal("/gateway", bot.Gateway.Connections[1].Path);
    }

    [Fact]
    public async Task Close_4004BadToken_StopsNamingTheSettingAndThePortalPage()
    {
        await using var bot = await GatewayBot.StartAsync(prepare: (_, gateway) => gateway.BotToken = "the-token-discord-holds");

        var sut = await bot.Status.Failed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("Discord:BotToken", sut.Message, StringComparison.Ordinal);
        Assert.Contains("Bot → Reset Token", sut.Message, StringComparison.Ordinal);
        Assert.Contains("4004", sut.Message, StringComparison.Ordinal);
        Assert.Single(bot.Gateway.Connections); // no reconnect loop
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("Discord:BotToken", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(bot.Rest.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_4014DisallowedIntents_StopsNamingThePortalSwitchAndTheSetting()
    {
        await using var bot = await GatewayBot.StartAsync(prepare: (_, gateway) => gateway.DisallowedIntents = 1 << 9);

        var sut = await bot.Status.Failed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("4014", sut.Message, StringComparison.Ordinal);
        Assert.Contains("GUILD_MESSAGES, DIRECT_MESSAGES", sut.Message, StringComparison.Ordinal);
        Assert.Contains("Bot → Privileged Gateway Intents", sut.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:AnswerMentions", sut.Message, StringComparison.Ordinal);
        Assert.Single(bot.Gateway.Connections);
    }

    [Fact]
    public async Task Identify_AnswerMentionsOff_AsksForNoIntents()
    {
        await using var bot = await GatewayBot.StartAsync(new Dictionary<string, string?> { ["Discord:AnswerMentions"] = "false" });

        var identify = await bot.Gateway.WaitForPayloadAsync(1, op: 2);

        Assert.Equal(0, identify.D!["intents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Drop_TcpWithoutCloseFrame_ResumesOnTheResumeUrl()
    {
        await using var bot = await GatewayBot.StartAsync();
        await bot.WaitConnectedAsync();

        bot.Gateway.Drop();

        await bot.WaitForLogAsync("Reconnecting to the Discord Gateway in 1.0 s (resume): the connection dropped");
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        await bot.Gateway.WaitForPayloadAsync(2, op: 6);
        Assert.Equal("/resume", bot.Gateway.Connections[1].Path);
    }

    [Fact]
    public async Task Close_AgainBeforeASession_BacksOffLongerEachTime()
    {
        await using var bot = await GatewayBot.StartAsync();
        await bot.WaitConnectedAsync();
        bot.Gateway.CloseOnConnect = 4000;

        await bot.Gateway.CloseAsync(4000, "test");

        // 1 s after a healthy session, then 2, 4 and 8 s while no connection gets as far as RESUMED.
        foreach (var seconds in new[] { 1, 2, 4 })
        {
            await bot.WaitForLogAsync($"Reconnecting to the Discord Gateway in {seconds}.0 s (resume)");
            bot.Time.Advance(TimeSpan.FromSeconds(seconds));
        }

        await bot.WaitForLogAsync("Reconnecting to the Discord Gateway in 8.0 s (resume)");
        bot.Gateway.CloseOnConnect = null;
        bot.Time.Advance(TimeSpan.FromSeconds(8));
        await bot.WaitForLogAsync("Resumed the Discord Gateway session");
        Assert.Equal(5, bot.Gateway.Connections.Count);
    }

    [Fact]
    public async Task Identify_SessionStartLimitUsedUp_WaitsForTheResetBeforeConnecting()
    {
        await using var bot = await GatewayBot.StartAsync(prepare: (rest, _) =>
            rest.SessionStartLimit = new() { ["total"] = 1000, ["remaining"] = 0, ["reset_after"] = 90_000, ["max_concurrency"] = 1 });

        await bot.WaitForLogAsync("Waiting 90 s before starting a Gateway session: the bot has used all 1000 new sessions");
        bot.Time.Advance(TimeSpan.FromSeconds(90) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(200);
        Assert.Empty(bot.Gateway.Connections);
        bot.Time.Advance(TimeSpan.FromMilliseconds(1));

        await bot.WaitConnectedAsync();
    }
}
