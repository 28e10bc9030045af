using Microsoft.Extensions.DependencyInjection;

namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>A server on the three-paper collection, started once per test class with the settings the class needs.</summary>
public abstract class TinyServerFixture : IAsyncLifetime
{
    private readonly TempFolder _collection = new();
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("not started");

    protected abstract Dictionary<string, string> Settings { get; }

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(TinyCollection.Settings(_collection, Settings), ConfigureServices);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _collection.Dispose();
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
