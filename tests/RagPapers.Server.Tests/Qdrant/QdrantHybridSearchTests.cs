using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Qdrant.Client.Grpc;
using RagPapers.Testing.Discord;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Qdrant;

/// <summary>
/// Every front-end of the server reaches Qdrant as one hybrid Query call (two prefetches fused by RRF). Before issue
/// #14 the server's write-tracking decorator hid the store's hybrid capability, and each search took two calls.
/// </summary>
public sealed class QdrantHybridSearchTests(QdrantServer fixture) : IClassFixture<QdrantServer>, IDisposable
{
    public void Dispose() => fixture.Qdrant.AssertNoViolations();

    [Fact]
    public async Task Search_OnQdrant_OneQueryCallWithTwoPrefetchesFusedByRrf()
    {
        fixture.Qdrant.ClearCalls();

        var sut = await Http.GetJsonAsync(fixture.Server.Client, "/api/search?q=graph%20neural%20networks%20for%20molecules&top=2");

        Assert.Equal(TinyCollection.GraphPaperId, sut.GetProperty("results")[0].GetProperty("paperId").GetString());
        AssertOneHybridQuery();
    }

    [Fact]
    public async Task Ask_OnQdrant_OneQueryCallWithTwoPrefetchesFusedByRrf()
    {
        fixture.Qdrant.ClearCalls();

        var sut = await Http.PostJsonAsync(fixture.Server.Client, "/api/ask", """{"question": "How do sparse attention patterns let transformers read long documents?"}""");

        Assert.Equal("answered", sut.GetProperty("status").GetString());
        Assert.Equal("Sparse Attention for Long Documents", sut.GetProperty("citations")[0].GetProperty("title").GetString());
        AssertOneHybridQuery();
    }

    [Fact]
    public async Task DiscordAsk_OnQdrant_OneQueryCallWithTwoPrefetchesFusedByRrf()
    {
        fixture.Qdrant.ClearCalls();
        var id = InteractionJson.NewId();
        var body = InteractionJson.Command(id, "ask", InteractionJson.NewToken(), "333333333333333333", ("question", "Which speech encoders cut the labelled data needed for recognition?"));
        Assert.Contains(DelayedQuestionEmbedder.Marker, body, StringComparison.Ordinal); // its search reaches Qdrant late

        using var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32()); // deferred
        await WaitForLogAsync($"Interaction {id} /ask: "); // "… /ask: 1 message(s), delivered …", not "… /ask deferred and queued"
        AssertOneHybridQuery();
    }

    private void AssertOneHybridQuery()
    {
        var query = Assert.Single(fixture.Qdrant.CallsTo("Points/Query")).Read(QueryPoints.Parser);
        Assert.Equal(["bm25", "dense"], query.Prefetch.Select(p => p.Using));
        Assert.Equal(Query.VariantOneofCase.Rrf, query.Query.VariantCase);
        Assert.Equal(2, query.Query.Rrf.Weights.Count);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var stamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Path("/discord/interactions")) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", fixture.Key.Sign(stamp, Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-Signature-Timestamp", stamp);
        return await fixture.Server.Client.SendAsync(request);
    }

    // The bot answers after the deferred reply and logs "Interaction {id} /ask: N message(s), delivered …" once it has
    // delivered or given up. The endpoint's "Interaction {id} /ask deferred and queued" comes before the reply, so a
    // wait that took it would look at Qdrant's calls while the question may not have reached Qdrant yet.
    private async Task WaitForLogAsync(string text)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!fixture.Server.Logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60), $"no log line with '{text}':\n" + string.Join("\n", fixture.Server.Logs.Lines.TakeLast(20)));
            await Task.Delay(20);
        }
    }
}
