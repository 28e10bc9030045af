using Grpc.Core;
using Microsoft.Extensions.Logging;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Testing.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>The API key goes in the api-key metadata of every call and nowhere else: not in messages, not in logs.</summary>
public sealed class QdrantApiKeyTests : IAsyncLifetime
{
    private const string Key = "s3cret-key-0f9a";

    private readonly string _collection = TestQdrant.NewCollection();
    private QdrantStandIn _server = null!;

    public async Task InitializeAsync() => _server = await QdrantStandIn.StartAsync(apiKey: Key);

    public async Task DisposeAsync()
    {
        _server.AssertNoViolations();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Calls_WithKey_CarryItInTheApiKeyHeaderAndNeverLogIt()
    {
        var logs = new ListLogger();
        _server.Faults.Status(StatusCode.Unavailable);
        await using var sut = TestQdrant.Index(_server.Url, _collection, Key, logger: logs);

        await sut.OpenAsync(TestStores.Embedder);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]);

        Assert.All(_server.Calls, c => Assert.Equal(Key, c.ApiKey));
        Assert.Contains(logs.Messages, m => m.Contains("retrying", StringComparison.Ordinal)); // the Unavailable was logged …
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Key, StringComparison.Ordinal)); // … without the key
    }

    [Fact]
    public async Task OpenAsync_WrongKey_ExplainsWhichSettingToFixWithoutEchoingTheKey()
    {
        await using var sut = TestQdrant.Index(_server.Url, _collection, "wrong-" + Key);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder));

        Assert.Contains("Unauthenticated", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid API key or JWT", ex.Message, StringComparison.Ordinal); // Qdrant's words
        Assert.Contains("Store:Qdrant:ApiKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoKey_RefusedWithQdrantsMessage()
    {
        await using var sut = TestQdrant.Index(_server.Url, _collection);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder));

        Assert.Contains("Must provide an API key or an Authorization bearer token", ex.Message, StringComparison.Ordinal);
        Assert.Null(_server.CallsTo("Collections/Get").Single().ApiKey);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception) + exception);
            }
        }
    }
}
