using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Configuration;
using RagPapers.Discord.Gateway;
using RagPapers.Discord.Hosting;
using RagPapers.Hosting;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// The bot as `ragpapers discord run` hosts it: a generic host with AddRagPapers + AddRagPapersDiscord in Gateway
/// mode over a fresh SQLite file, talking to the REST and Gateway stand-ins, on a fake clock with the random draws
/// fixed (<see cref="Jitter"/>), so heartbeat, backoff and Invalid Session waits are exact and cost no real time.
/// </summary>
public sealed class GatewayBot : IAsyncDisposable
{
    /// <summary>The fixed random draw: the first heartbeat comes at a quarter of the interval, Invalid Session waits 2 s.</summary>
    public const double Jitter = 0.25;

    private readonly string _folder;
    private IHost? _host;

    private GatewayBot(string folder, DiscordStandIn rest, GatewayStandIn gateway, FakeTimeProvider time)
    {
        _folder = folder;
        Rest = rest;
        Gateway = gateway;
        Time = time;
    }

    public DiscordStandIn Rest { get; }

    public GatewayStandIn Gateway { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; } = new();

    public IServiceProvider Services => _host!.Services;

    public GatewayStatus Status => Services.GetRequiredService<GatewayStatus>();

    /// <summary>
    /// Starts the stand-ins and the bot; <paramref name="settings"/> override configuration (by default one small
    /// file of the bundled collection), <paramref name="configure"/> replaces services, <paramref name="prepare"/>
    /// sets the stand-ins up before the bot connects.
    /// </summary>
    public static async Task<GatewayBot> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        Action<DiscordStandIn, GatewayStandIn>? prepare = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var rest = await DiscordStandIn.StartAsync();
        var gateway = await GatewayStandIn.StartAsync(time);
        rest.GatewayUrl = gateway.Url;
        gateway.BotToken = rest.BotToken;
        prepare?.Invoke(rest, gateway);
        var bot = new GatewayBot(Directory.CreateTempSubdirectory("ragpapers-gateway-").FullName, rest, gateway, time);
        bot._host = bot.Build(settings, configure);
        await bot._host.StartAsync();
        return bot;
    }

    /// <summary>Waits until <paramref name="times"/> READYs have been handled ("Connected to Discord as").</summary>
    public Task WaitConnectedAsync(int times = 1) => WaitForLogAsync("Connected to Discord as", times);

    public async Task WaitForLogAsync(string text, int times = 1)
    {
        await Gateway.WaitUntilAsync(() => Logs.Lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= times, $"the log line '{text}' ×{times}:\n" + string.Join("\n", Logs.Lines.TakeLast(20)));
    }

    /// <summary>Stops the bot (the connection closes with 1000) and both stand-ins.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await Gateway.DisposeAsync();
        await Rest.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IHost Build(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configure)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "Local", // the bot's tests are not about the neural embedder
            ["Store:Sqlite:Path"] = Path.Combine(_folder, "store.db"),
            ["Collection:Paths:0"] = Directory.GetFiles(TestPaths.PapersDir).Order().ElementAt(2),
            ["Discord:Mode"] = nameof(DiscordMode.Gateway),
            ["Discord:BotToken"] = Rest.BotToken,
            ["Discord:ApiBaseUrl"] = Rest.BaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var root = new ContentRoot(TestPaths.RepoRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _folder });
        builder.Configuration.AddRagPapersSources(root, overrides);
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddRagPapers(builder.Configuration, root).AddRagPapersDiscord(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton(new GatewayJitter(() => Jitter));
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
