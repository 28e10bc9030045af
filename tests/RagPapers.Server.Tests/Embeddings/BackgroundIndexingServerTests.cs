using RagPapers.Server.Tests.Infrastructure;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Server.Tests.Embeddings;

/// <summary>
/// The server while its semantic index is built in the background (the embeddings stand-in holds its replies): ready,
/// /health shows the progress, answers come from keyword search with the notice; then hybrid, without a restart.
/// </summary>
public sealed class BackgroundIndexingServerTests : IAsyncLifetime
{
    private const string Ask = """{"question": "Which graph neural networks predict molecule properties?"}""";

    private readonly TempFolder _collection = new();
    private OpenAiStandIn _embeddings = null!;

    public async Task InitializeAsync() => _embeddings = await OpenAiStandIn.StartAsync(embeddingDimensions: 32);

    public async Task DisposeAsync()
    {
        await _embeddings.DisposeAsync();
        _collection.Dispose();
    }

    [Fact]
    public async Task Health_AskAndSearch_KeywordWithTheNoticeWhileVectorsAreHeldThenHybrid()
    {
        _embeddings.HoldEmbeddingsAfter(1); // the dimension probe; every batch of vectors waits
        await using var sut = await RunningServer.StartAsync(TinyCollection.Settings(_collection, new()
        {
            ["Embeddings:Provider"] = "OpenAI",
            ["Embeddings:Endpoint"] = _embeddings.BaseUrl,
            ["Embeddings:Model"] = "nomic-embed-text",
            ["Embeddings:BatchSize"] = "2",
            ["Server:RetrievalCacheEntries"] = "100",
        }), waitUntilReady: false);
        await sut.WaitUntilReadyAsync(untilHybrid: false);
        await WaitUntilAsync(() => _embeddings.HeldEmbeddingRequests == 1);

        var healthWhileHeld = await Http.GetJsonAsync(sut.Client, "/health/ready");
        var answerWhileHeld = await Http.PostJsonAsync(sut.Client, "/api/ask", Ask);
        var searchWhileHeld = await Http.GetJsonAsync(sut.Client, "/api/search?q=graph%20neural%20networks");
        _embeddings.ReleaseEmbeddings();
        await sut.WaitUntilReadyAsync(untilHybrid: true);
        var health = await Http.GetJsonAsync(sut.Client, "/health/live");
        var answer = await Http.PostJsonAsync(sut.Client, "/api/ask", Ask);

        Assert.Equal("""{"search":"keyword","complete":false,"embedded":0,"total":3,"problem":null}""", healthWhileHeld.GetProperty("semanticIndex").GetRawText());
        Assert.Equal("Healthy", healthWhileHeld.GetProperty("status").GetString());
        Assert.Equal("semantic index 0/3: keyword results only for now; vectors are being computed.", healthWhileHeld.GetProperty("checks").GetProperty("semanticIndex").GetProperty("description").GetString());
        Assert.Equal("answered", answerWhileHeld.GetProperty("status").GetString());
        Assert.Equal("semantic index 0/3: keyword results only for now", answerWhileHeld.GetProperty("notice").GetString());
        Assert.Equal(TinyCollection.GraphPaperId, answerWhileHeld.GetProperty("citations")[0].GetProperty("paperId").GetString());
        Assert.Equal("semantic index 0/3: keyword results only for now", searchWhileHeld.GetProperty("notice").GetString());
        Assert.Equal("""{"search":"hybrid","complete":true,"embedded":3,"total":3,"problem":null}""", health.GetProperty("semanticIndex").GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("notice").ValueKind); // not the cached keyword result
        Assert.Equal(TinyCollection.GraphPaperId, answer.GetProperty("citations")[0].GetProperty("paperId").GetString());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(20);
        }
    }
}
