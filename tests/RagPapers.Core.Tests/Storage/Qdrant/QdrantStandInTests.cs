using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>The stand-in itself: it must refuse what Qdrant refuses, or the tests that lean on it prove nothing.</summary>
public sealed class QdrantStandInTests : IAsyncLifetime
{
    private Testing.Qdrant.QdrantStandIn server = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        server = await Testing.Qdrant.QdrantStandIn.StartAsync();
        http = new HttpClient { BaseAddress = server.Url };
        var create = """{ "vectors": { "dense": { "size": 2, "distance": "Cosine" } }, "sparse_vectors": { "bm25": { "modifier": "idf" } } }""";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "collections/c", create)).Status);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Theory]
    [InlineData("collections/c/points/count", """{ "filter": { "must": [ { "key": "a", "match": { "value": "x" } } ], "bogus": 1 } }""", "bogus")]
    [InlineData("collections/c/points/scroll", """{ "limit": 0 }""", "limit")]
    [InlineData("collections/c/points/query", """{ "query": { "indices": [-1], "values": [1] }, "using": "bm25" }""", "indices")]
    public async Task Post_BodyAgainstTheSchema_400WithQdrantsErrorShapeAndAViolation(string path, string body, string named)
    {
        var (status, reply) = await SendAsync(HttpMethod.Post, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Format error in JSON body", reply["status"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(reply["result"]);
        Assert.Contains(server.Violations, v => v.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_CollectionWithUnknownSparseModifier_Refused()
    {
        var (status, _) = await SendAsync(HttpMethod.Put, "collections/d", """{ "vectors": { "dense": { "size": 2, "distance": "Cosine" } }, "sparse_vectors": { "bm25": { "modifier": "bm25" } } }""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(server.Violations, v => v.Contains("modifier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_PointsOfWrongDimensionOrNonUuidId_RefusedAsQdrantDoes()
    {
        var (dimension, dimensionReply) = await SendAsync(HttpMethod.Put, "collections/c/points?wait=true", """{ "points": [ { "id": 1, "vector": { "dense": [1, 2, 3] } } ] }""");
        var (id, _) = await SendAsync(HttpMethod.Put, "collections/c/points?wait=true", """{ "points": [ { "id": "not-a-uuid", "vector": { "dense": [1, 2] } } ] }""");

        Assert.Equal(HttpStatusCode.BadRequest, dimension);
        Assert.Equal("Wrong input: Vector dimension error: expected dim: 2, got 3", dimensionReply["status"]!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, id);
    }

    [Fact]
    public async Task Query_HybridWithDefaultRrf_ScoresOneOverRankPlusTwo()
    {
        var points = """
            { "points": [
              { "id": 1, "vector": { "dense": [1, 0], "bm25": { "indices": [7], "values": [1] } } },
              { "id": 2, "vector": { "dense": [0, 1], "bm25": { "indices": [8], "values": [1] } } } ] }
            """;
        await SendAsync(HttpMethod.Put, "collections/c/points?wait=true", points);

        var (_, reply) = await SendAsync(HttpMethod.Post, "collections/c/points/query", """
            { "prefetch": [ { "query": [1, 0], "using": "dense", "limit": 5 }, { "query": { "indices": [8], "values": [1] }, "using": "bm25", "limit": 5 } ],
              "query": { "fusion": "rrf" }, "limit": 5 }
            """);

        // Dense ranks 1 then 2 (cosine 1, 0); sparse finds only 2. RRF k = 2, ranks from 0:
        // point 1: 1/(0+2) = 0.5; point 2: 1/(1+2) + 1/(0+2) = 0.8333.
        var scored = reply["result"]!["points"]!.AsArray().Select(p => (p!["id"]!.GetValue<int>(), Math.Round(p["score"]!.GetValue<double>(), 4)));
        Assert.Equal([(2, 0.8333), (1, 0.5)], scored);
        server.AssertNoViolations();
    }

    private async Task<(HttpStatusCode Status, JsonNode Reply)> SendAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
