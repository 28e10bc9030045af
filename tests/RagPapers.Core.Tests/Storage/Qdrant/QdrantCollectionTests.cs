using Qdrant.Client;
using Qdrant.Client.Grpc;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Storage;
using RagPapers.Testing.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

public sealed class QdrantCollectionTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>, IDisposable
{
    private readonly string _collection = TestQdrant.NewCollection();
    private readonly QdrantClient _client = new(fixture.Server.Url);

    public void Dispose()
    {
        _client.Dispose();
        fixture.Server.AssertNoViolations();
    }

    [Fact]
    public async Task OpenAsync_NewCollection_CreatesNamedDenseAndIdfSparseVectorsWithIndexesAndMetadata()
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, _collection);

        var info = await _client.GetCollectionInfoAsync(_collection);

        var dense = info.Config.Params.VectorsConfig.ParamsMap.Map["dense"];
        Assert.Equal(64UL, dense.Size);
        Assert.Equal(Distance.Cosine, dense.Distance);
        Assert.Equal(Modifier.Idf, info.Config.Params.SparseVectorsConfig.Map["bm25"].Modifier);
        Assert.Equal("test-hashing-64", info.Config.Metadata["embedder_id"].StringValue);
        Assert.Equal("64", info.Config.Metadata["dimensions"].StringValue);
        Assert.Equal("1", info.Config.Metadata["ragpapers_schema"].StringValue);
        var indexes = info.PayloadSchema.ToDictionary(p => p.Key, p => p.Value.DataType);
        Assert.Equal(PayloadSchemaType.Keyword, indexes["paper_id"]);
        Assert.Equal(PayloadSchemaType.Keyword, indexes["source"]);
        Assert.Equal(PayloadSchemaType.Keyword, indexes["kind"]);
        Assert.Equal(PayloadSchemaType.Datetime, indexes["published"]);
        Assert.Equal(PayloadSchemaType.Integer, indexes["ordinal"]);
        Assert.All(fixture.Server.CallsTo("Points/CreateFieldIndex"), c => Assert.True(c.Read(CreateFieldIndexCollection.Parser).Wait));
    }

    [Fact]
    public async Task OpenAsync_ExistingCollection_NeitherRecreatesNorReindexes()
    {
        await (await TestQdrant.OpenAsync(fixture.Server.Url, _collection)).DisposeAsync();
        fixture.Server.ClearCalls();

        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, _collection);

        Assert.Equal(["Qdrant/HealthCheck", "Collections/Get"], fixture.Server.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task OpenAsync_CollectionNotMadeByRagPapers_RefusedWithWhatToDo()
    {
        await _client.CreateCollectionAsync(_collection, new VectorParamsMap { Map = { ["other"] = new VectorParams { Size = 4, Distance = Distance.Dot } } });
        await using var sut = TestQdrant.Index(fixture.Server.Url, _collection);

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(Fakes.TestStores.Embedder));

        Assert.Contains($"'{_collection}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not created by RagPapers", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Store:Qdrant:Collection", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"curl -X DELETE http://127.0.0.1:{fixture.Server.Url.Port}/collections/{_collection}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_CollectionAsTheRestVersionMadeIt_OpensAndReadsItsPoints()
    {
        // What the REST store wrote (issue 3's layout): string metadata, a vector-less paper point, a chunk point.
        await _client.CreateCollectionAsync(new CreateCollection
        {
            CollectionName = _collection,
            VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { ["dense"] = new VectorParams { Size = 64, Distance = Distance.Cosine } } } },
            SparseVectorsConfig = new SparseVectorConfig { Map = { ["bm25"] = new SparseVectorParams { Modifier = Modifier.Idf } } },
            Metadata = { ["ragpapers_schema"] = "1", ["embedder_id"] = "test-hashing-64", ["dimensions"] = "64", ["bm25_average_length"] = "66" },
        });
        var paper = new PointStruct { Id = new PointId { Uuid = RagPapers.Storage.Qdrant.PointIds.Paper("old") }, Vectors = new Vectors { Vectors_ = new NamedVectors() } };
        paper.Payload.Add(new Dictionary<string, global::Qdrant.Client.Grpc.Value>
        {
            ["kind"] = "paper", ["paper_id"] = "old", ["source"] = "old.txt", ["published"] = "2023-04-05T00:00:00Z",
            ["title"] = "Old zeolites", ["abstract"] = "Zeolite pores.", ["authors"] = new global::Qdrant.Client.Grpc.Value { ListValue = new ListValue { Values = { "A. Author" } } }, ["content_hash"] = "h1",
        });
        await _client.UpsertAsync(_collection, [paper]);
        await using var sut = TestQdrant.Index(fixture.Server.Url, _collection);

        await sut.OpenAsync(Fakes.TestStores.Embedder);

        var read = await sut.GetPaperAsync("old");
        Assert.Equal(("Old zeolites", new DateOnly(2023, 4, 5), "A. Author"), (read!.Title, read.Published, read.Authors.Single()));
        Assert.Equal("h1", (await sut.GetContentHashesAsync())["old"]);
    }

    [Fact]
    public async Task OpenAsync_ServerOlderThan117_RefusedNamingBothVersions()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.Version = "1.12.4";
        await using var sut = TestQdrant.Index(standIn.Url, _collection);

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(Fakes.TestStores.Embedder));

        Assert.Contains("Qdrant 1.12.4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1.17 or later", ex.Message, StringComparison.Ordinal);
        Assert.Empty(standIn.CollectionNames);
    }
}
