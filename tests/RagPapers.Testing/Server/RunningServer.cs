using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagPapers.Testing.Files;
using RagPapers.Testing.Logging;
using Xunit;

namespace RagPapers.Testing.Server;

/// <summary>
/// The server started from its own Program.cs (<see cref="ServerFactory"/>), on a real Kestrel bound to 127.0.0.1
/// port 0, with its own temp store. Settings arrive as command-line arguments, the way a user overrides appsettings.json.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly ServerFactory _factory;
    private readonly TempFolder _folder;

    private RunningServer(ServerFactory factory, TempFolder folder, Uri address, LogCapture logs)
    {
        _factory = factory;
        _folder = folder;
        Address = address;
        Logs = logs;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _factory.Services;

    public string StorePath => _folder.File("store.db");

    /// <summary>Starts a server on an empty store (it ingests Collection:Paths itself) and waits until /health/ready is healthy.</summary>
    public static async Task<RunningServer> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        bool waitUntilReady = true)
    {
        var folder = new TempFolder();
        var arguments = new Dictionary<string, string> { ["Store:Sqlite:Path"] = folder.File("store.db") };
        if (settings?.ContainsKey("Embeddings:Provider") != true)
        {
            arguments["Embeddings:Provider"] = "Local"; // tests that are not about the neural embedder run with the hashed one
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        var logs = new LogCapture();
        var factory = new ServerFactory(arguments, configureServices, logs);
        try
        {
            // The factory starts the host synchronously; off the test's thread, so a slow start blocks no test runner thread.
            await Task.Run(factory.StartServer);
        }
        catch
        {
            await factory.DisposeAsync();
            folder.Dispose();
            throw;
        }

        var server = new RunningServer(factory, folder, factory.ClientOptions.BaseAddress, logs);
        try
        {
            CheckContentRoot(server.Services);
            if (waitUntilReady)
            {
                await server.WaitUntilReadyAsync();
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
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
        await _factory.DisposeAsync();
        _folder.Dispose();
    }

    // Program finds appsettings.json above the working folder (dotnet test runs in the test binaries, inside the clone);
    // a server that read another file would make every answer below a puzzle.
    private static void CheckContentRoot(IServiceProvider services)
    {
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        Assert.True(
            Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) == TestPaths.RepoRoot.TrimEnd(Path.DirectorySeparatorChar),
            $"The server took {root} as its content root, not the repository {TestPaths.RepoRoot}: run the tests from inside the clone.");
    }
}
