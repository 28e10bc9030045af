namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>
/// One server per test collection that loaded the bundled collection into its own empty temp store at start-up,
/// shared by the tests that only read. Rate limiting is off here; its own tests use their own server.
/// </summary>
public sealed class LoadedServer : IAsyncLifetime
{
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("not started");

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(new Dictionary<string, string> { ["Server:RateLimit:Enabled"] = "false" });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LoadedServerCollection : ICollectionFixture<LoadedServer>
{
    public const string Name = "loaded server";
}
