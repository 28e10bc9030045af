using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPapers.Configuration;
using RagPapers.Discord.Hosting;
using RagPapers.Hosting;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// The bot as the server will host it: a real Kestrel app on 127.0.0.1 (port 0) composed with AddRagPapers +
/// AddRagPapersDiscord + MapDiscordInteractions, over a fresh SQLite file, talking to the Discord stand-in.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private BotServer(WebApplication app, string folder, LogCapture logs)
    {
        _app = app;
        _folder = folder;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Http { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the bot; <paramref name="settings"/> override configuration, <paramref name="configure"/> replaces services.</summary>
    public static async Task<BotServer> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("ragpapers-discord-").FullName;
        var root = new ContentRoot(TestPaths.RepoRoot);
        var overrides = new Dictionary<string, string?>
        {
            ["Store:Sqlite:Path"] = Path.Combine(folder, "store.db"),
            ["Logging:LogLevel:Default"] = "Trace",
            ["Embeddings:Provider"] = "Local", // the bot's tests are not about the neural embedder
        };
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddRagPapersSources(root, overrides);
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddRagPapers(builder.Configuration, root).AddRagPapersDiscord(builder.Configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDiscordInteractions();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }

        return new BotServer(app, folder, logs);
    }

    /// <summary>POSTs <paramref name="body"/> to /discord/interactions, signed by <paramref name="signer"/> unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostAsync(
        string body,
        Ed25519KeyPair? signer,
        long? timestamp = null,
        string? sentBody = null,
        bool withSignature = true,
        bool withTimestamp = true)
    {
        var stamp = (timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordEndpointRouteBuilderExtensions.InteractionsPath)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(sentBody ?? body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (withSignature && signer is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signer.Sign(stamp, Encoding.UTF8.GetBytes(body)));
        }

        if (withTimestamp)
        {
            request.Headers.Add("X-Signature-Timestamp", stamp);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
