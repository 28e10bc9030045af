using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Qdrant;

public sealed class QdrantCollectionTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>, IDisposable
{
    private readonly string collection = TestQdrant.NewCollection();

    public void Dispose() => fixture.Server.AssertNoViolations();

    [Fact]
    public async Task OpenAsync_NewCollection_CreatesNamedDenseAndIdfSparseVectorsWithIndexesAndMetadata()
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, collection);

        var info = await GetCollectionAsync();

        var config = info["config"]!;
        Assert.Equal(64, config["params"]!["vectors"]!["dense"]!["size"]!.GetValue<int>());
        Assert.Equal("Cosine", config["params"]!["vectors"]!["dense"]!["distance"]!.GetValue<string>());
        Assert.Equal("idf", config["params"]!["sparse_vectors"]!["bm25"]!["modifier"]!.GetValue<string>());
        Assert.Equal("test-hashing-64", config["metadata"]!["embedder_id"]!.GetValue<string>());
        Assert.Equal("64", config["metadata"]!["dimensions"]!.GetValue<string>());
        var indexes = info["payload_schema"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["data_type"]!.GetValue<string>());
        Assert.Equal("keyword", indexes["paper_id"]);
        Assert.Equal("keyword", indexes["source"]);
        Assert.Equal("keyword", indexes["kind"]);
        Assert.Equal("datetime", indexes["published"]);
        Assert.Equal("integer", indexes["ordinal"]);
    }

    [Fact]
    public async Task OpenAsync_ExistingCollection_NeitherRecreatesNorReindexes()
    {
        await (await TestQdrant.OpenAsync(fixture.Server.Url, collection)).DisposeAsync();
        fixture.Server.ClearRequests();

        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, collection);

        Assert.Equal(["root", "get_collection"], fixture.Server.Requests.Select(r => r.OperationId));
    }

    [Fact]
    public async Task OpenAsync_CollectionNotMadeByRagPapers_RefusedWithWhatToDo()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Url };
        var body = new JsonObject { ["vectors"] = new JsonObject { ["other"] = new JsonObject { ["size"] = 4, ["distance"] = "Dot" } } };
        (await http.PutAsJsonAsync($"collections/{collection}", body)).EnsureSuccessStatusCode();
        await using var sut = TestQdrant.Index(fixture.Server.Url, collection);

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(TestStores.Embedder));

        Assert.Contains($"'{collection}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not created by RagPapers", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Store:Qdrant:Collection", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"curl -X DELETE {fixture.Server.Url}collections/{collection}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ServerOlderThan117_RefusedNamingBothVersions()
    {
        await using var standIn = await Testing.Qdrant.QdrantStandIn.StartAsync();
        standIn.Version = "1.12.4";
        await using var sut = TestQdrant.Index(standIn.Url, collection);

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(TestStores.Embedder));

        Assert.Contains("Qdrant 1.12.4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1.17 or later", ex.Message, StringComparison.Ordinal);
        Assert.Empty(standIn.CollectionNames);
    }

    private async Task<JsonNode> GetCollectionAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Url };
        var reply = JsonNode.Parse(await http.GetStringAsync($"collections/{collection}"))!;
        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        return reply["result"]!;
    }
}
