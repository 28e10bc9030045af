using System.Diagnostics;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Cli;

/// <summary>`ragpapers discord run` as a real process, against the REST and Gateway stand-ins on real time.</summary>
public sealed class DiscordRunCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ragpapers-discord-run-").FullName;
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
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Run_WithoutBotToken_Exit2NamingIt()
    {
        var result = await CliProcess.RunAsync(Arguments, environment: Environment(botToken: ""));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Discord:BotToken is not set", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(_rest.Requests);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Run_AnswersUntilASignal_ThenClosesTheConnectionAndExits130(string signal)
    {
        using var sut = CliProcess.Start(Arguments, Environment());
        await WaitForErrorOutputAsync(sut, "Connected to Discord as RagPapers Test Bot");
        var token = InteractionJson.NewToken();
        await _gateway.DispatchAsync("INTERACTION_CREATE", GatewayJson.Interaction(InteractionJson.NewId(), "help", token, InteractionJson.NewId()));
        await _rest.WaitAsync(r => r.Any(x => x.WebhookToken == token && x.IsCallback));

        var stopwatch = Stopwatch.StartNew();
        sut.Signal(signal);
        var result = await sut.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("Ctrl-C stops it", result.StandardOutput, StringComparison.Ordinal);
        await _gateway.WaitUntilAsync(() => _gateway.Connections[0].Ended, "the connection closed");
        Assert.Equal(1000, _gateway.Connections[0].ClientCloseCode); // a clean stop: the bot shows offline at once
        Assert.DoesNotContain(_rest.BotToken, result.StandardError, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed} to stop"); // catches a hang; HostOptions.ShutdownTimeout (0.7 s) bounds a normal stop
    }

    [Fact]
    public async Task Run_GatewayRefusesTheToken_Exit1SayingWhatToFix()
    {
        _gateway.BotToken = "the-token-discord-holds";

        var result = await CliProcess.RunAsync(Arguments, environment: Environment());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Discord refused the bot token (Gateway close 4004", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Bot → Reset Token", result.StandardError, StringComparison.Ordinal);
    }

    private string[] Arguments => ["discord", "run", "--store", Path.Combine(_folder, "store.db")];

    private Dictionary<string, string> Environment(string? botToken = null) => new()
    {
        ["RAGPAPERS_Discord__ApiBaseUrl"] = _rest.BaseUrl,
        ["RAGPAPERS_Discord__BotToken"] = botToken ?? _rest.BotToken,
        ["RAGPAPERS_Collection__Paths__0"] = Directory.GetFiles(TestPaths.PapersDir).Order().ElementAt(2),
    };

    private static async Task WaitForErrorOutputAsync(CliProcess process, string text)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!process.StandardError.Contains(text, StringComparison.Ordinal))
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"'{text}' never appeared on stderr:\n{process.StandardError}");
            }

            await Task.Delay(20);
        }
    }
}
