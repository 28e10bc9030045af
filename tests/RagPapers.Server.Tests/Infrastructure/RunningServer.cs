using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPapers.Configuration;
using RagPapers.Discord.Hosting;
using RagPapers.Embeddings.MiniLM.Hosting;
using RagPapers.Hosting;
using RagPapers.Server.Endpoints;
using RagPapers.Server.Hosting;
using RagPapers.Server.WebChat;

namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>
/// The server as Program.cs composes it, on a real Kestrel bound to 127.0.0.1 port 0, with its own temp store.
/// Settings arrive as command-line arguments, the way a user overrides appsettings.json.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _folder;

    private RunningServer(WebApplication app, TempFolder folder, Uri address, LogCapture logs)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Logs = logs;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    public string StorePath => _folder.File("store.db");

    /// <summary>Starts a server on an empty store (it ingests Collection:Paths itself) and waits until /health/ready is healthy.</summary>
    public static async Task<RunningServer> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        bool waitUntilReady = true)
    {
        var folder = new TempFolder();
        var args = new List<string> { "--urls", "http://127.0.0.1:0", $"--Store:Sqlite:Path={folder.File("store.db")}" };
        settings ??= new Dictionary<string, string>();
        if (!settings.ContainsKey("Embeddings:Provider"))
        {
            args.Add("--Embeddings:Provider=Local"); // tests that are not about the neural embedder run with the hashed one
        }

        args.AddRange(settings.Select(pair => $"--{pair.Key}={pair.Value}"));
        var logs = new LogCapture();
        var app = Build([.. args], configureServices, logs);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            folder.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var server = new RunningServer(app, folder, new Uri(address), logs);
        if (waitUntilReady)
        {
            await server.WaitUntilReadyAsync();
        }

        return server;
    }

    /// <summary>
    /// Waits until /health/ready is healthy and, unless <paramref name="untilHybrid"/> is false, until the semantic index
    /// is complete, so a test's answers are the hybrid ones whatever the machine's speed.
    /// </summary>
    public async Task WaitUntilReadyAsync(bool untilHybrid = true)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && (!untilHybrid || IsHybrid(body)))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The server did not become ready: " + body);
            await Task.Delay(50);
        }
    }

    private static bool IsHybrid(string health)
    {
        using var document = System.Text.Json.JsonDocument.Parse(health);
        return document.RootElement.GetProperty("semanticIndex").GetProperty("complete").GetBoolean();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    // The same composition as Program.cs; the test hook only adds services (a test writer, say).
    private static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices, LogCapture logs)
    {
        var root = new ContentRoot(TestPaths.RepoRoot);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root.Path });
        builder.Configuration.AddRagPapersServerSources(root, args);
        builder.Services.AddRagPapers(builder.Configuration, root);
        builder.Services.AddMiniLmEmbedder();
        builder.Services.AddRagPapersServer(builder.Configuration);
        builder.Services.AddRagPapersDiscord(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);

        var app = builder.Build();
        app.UseRagPapersServer();
        app.UseWebChat();
        app.MapHealthEndpoints();
        app.MapAskEndpoints();
        app.MapSearchEndpoints();
        app.MapPaperEndpoints();
        app.MapIngestEndpoints();
        app.MapOperationsEndpoints();
        app.MapDiscordInteractions();
        return app;
    }
}
