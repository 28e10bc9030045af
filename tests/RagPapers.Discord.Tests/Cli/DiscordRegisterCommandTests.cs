using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Cli;

public sealed class DiscordRegisterCommandTests : IAsyncLifetime
{
    private static readonly string[] CommandNames = ["ask", "search", "paper", "similar", "help"];
    private DiscordStandIn _discord = null!;

    public async Task InitializeAsync() => _discord = await DiscordStandIn.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Register_Globally_RegistersTheFiveCommandsAndIsIdempotent()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.All(new[] { first, second }, r => Assert.Equal(0, r.ExitCode));
        Assert.Contains("Registered 5 commands globally", second.StandardOutput, StringComparison.Ordinal);
        var puts = _discord.Requests;
        Assert.Equal(2, puts.Count);
        Assert.All(puts, p => Assert.Equal("bulk_set_application_commands", p.OperationId));
        Assert.All(puts, p => Assert.Empty(p.Violations)); // the official schema of bulk_set_application_commands
        Assert.All(puts, p => Assert.Equal("Bot " + _discord.BotToken, p.Authorization));
        Assert.All(puts, p => Assert.StartsWith("DiscordBot (", p.UserAgent, StringComparison.Ordinal));
        Assert.Equal(puts[0].Body!.ToJsonString(), puts[1].Body!.ToJsonString());
        Assert.Equal(CommandNames, _discord.CommandsOf("global")!.Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Register_Options_CarryTypesDescriptionsAndRequired()
    {
        await RunAsync();

        var ask = _discord.CommandsOf("global")!.Single(c => c!["name"]!.GetValue<string>() == "ask")!;
        var question = ask["options"]![0]!;
        Assert.Equal((3, "question", true), (question["type"]!.GetValue<int>(), question["name"]!.GetValue<string>(), question["required"]!.GetValue<bool>()));
        Assert.False(string.IsNullOrWhiteSpace(question["description"]!.GetValue<string>()));
        var top = _discord.CommandsOf("global")!.Single(c => c!["name"]!.GetValue<string>() == "search")!["options"]![1]!;
        Assert.Equal((4, 1, 10), (top["type"]!.GetValue<int>(), top["min_value"]!.GetValue<int>(), top["max_value"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Register_InAGuild_RegistersThereOnly()
    {
        var result = await RunAsync(args: ["--guild", _discord.GuildId]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"in guild {_discord.GuildId}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("bulk_set_guild_application_commands", Assert.Single(_discord.Requests).OperationId);
        Assert.Equal(5, _discord.CommandsOf("guild:" + _discord.GuildId)!.Count);
        Assert.Null(_discord.CommandsOf("global"));
    }

    [Theory]
    [InlineData("Discord:BotToken", "wrong-token", null, "refused the bot token (401")]
    [InlineData("Discord:ApplicationId", "999999999999999999", null, "does not know application 999999999999999999 (404")]
    [InlineData("Discord:ApplicationId", null, "333333333333333333", "the bot must be in guild 333333333333333333")]
    public async Task Register_DiscordRefuses_Exit1NamingTheSetting(string setting, string? value, string? guild, string expected)
    {
        var overrides = value is null ? null : new Dictionary<string, string> { [ToEnvironment(setting)] = value };

        var result = await RunAsync(overrides, guild is null ? [] : ["--guild", guild]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Contains(guild is null ? setting : "--guild", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Discord:BotToken")]
    [InlineData("Discord:ApplicationId")]
    public async Task Register_SettingMissing_Exit2NamingItWithoutCallingDiscord(string setting)
    {
        var result = await RunAsync(new Dictionary<string, string> { [ToEnvironment(setting)] = "" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(setting + " is not set", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(_discord.Requests);
    }

    [Fact]
    public async Task Register_GuildNotNumeric_Exit2()
    {
        var result = await RunAsync(args: ["--guild", "my-server"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--guild must be the guild's numeric id", result.StandardError, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? overrides = null, string[]? args = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["RAGPAPERS_Discord__ApiBaseUrl"] = _discord.BaseUrl,
            ["RAGPAPERS_Discord__ApplicationId"] = _discord.ApplicationId,
            ["RAGPAPERS_Discord__BotToken"] = _discord.BotToken,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return CliProcess.RunAsync(["discord", "register", .. args ?? []], environment: environment);
    }

    private static string ToEnvironment(string setting) => "RAGPAPERS_" + setting.Replace(":", "__", StringComparison.Ordinal);
}
