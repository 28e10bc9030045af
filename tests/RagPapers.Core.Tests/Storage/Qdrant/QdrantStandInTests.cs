using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using RagPapers.Testing.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>The stand-in itself, driven by the official client: it must refuse what Qdrant refuses, in Qdrant's words, or the tests that lean on it prove nothing.</summary>
public sealed class QdrantStandInTests : IAsyncLifetime
{
    private QdrantStandIn _server = null!;
    private QdrantClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await QdrantStandIn.StartAsync();
        _client = new QdrantClient(_server.Url);
        await _client.CreateCollectionAsync(new CreateCollection
        {
            CollectionName = "c",
            VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { ["dense"] = new VectorParams { Size = 2, Distance = Distance.Cosine } } } },
            SparseVectorsConfig = new SparseVectorConfig { Map = { ["bm25"] = new SparseVectorParams { Modifier = Modifier.Idf } } },
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Upsert_WrongDimension_InvalidArgumentInQdrantsWordsAndNothingStored()
    {
        var good = Point(1, [1, 0]);
        var bad = Point(2, [1, 2, 3]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.UpsertAsync("c", [good, bad]));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("Wrong input: Vector dimension error: expected dim: 2, got 3", ex.Status.Detail);
        Assert.Equal(0UL, await _client.CountAsync("c"));
    }

    [Fact]
    public async Task QueryAndUpsert_UnknownVectorName_InvalidArgumentNamingIt()
    {
        var upsert = await Assert.ThrowsAsync<RpcException>(() => _client.UpsertAsync("c", [Point(1, [1, 0], name: "colbert")]));
        var query = await Assert.ThrowsAsync<RpcException>(() => _client.QueryAsync("c", new Query { Nearest = new VectorInput { Dense = new DenseVector { Data = { 1f, 0f } } } }, usingVector: "nope"));

        Assert.Equal((StatusCode.InvalidArgument, "Wrong input: Not existing vector name error: colbert"), (upsert.StatusCode, upsert.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "Wrong input: Not existing vector name error: nope"), (query.StatusCode, query.Status.Detail));
    }

    [Fact]
    public async Task Get_MissingCollection_NotFoundInQdrantsWords()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.GetCollectionInfoAsync("nope"));

        Assert.Equal((StatusCode.NotFound, "Not found: Collection `nope` doesn't exist!"), (ex.StatusCode, ex.Status.Detail));
    }

    [Fact]
    public async Task Query_HybridWithDefaultRrf_ScoresOneOverRankPlusTwo()
    {
        await _client.UpsertAsync("c", [Point(1, [1, 0], sparse: 7), Point(2, [0, 1], sparse: 8)]);

        var hits = await _client.QueryAsync(
            "c",
            Fusion.Rrf,
            prefetch:
            [
                new PrefetchQuery { Query = new Query { Nearest = new VectorInput { Dense = new DenseVector { Data = { 1f, 0f } } } }, Using = "dense", Limit = 5 },
                new PrefetchQuery { Query = new Query { Nearest = new VectorInput { Sparse = new SparseVector { Indices = { 8U }, Values = { 1f } } } }, Using = "bm25", Limit = 5 },
            ],
            limit: 5);

        // Dense ranks 1 then 2 (cosine 1, 0); sparse finds only 2. RRF k = 2, ranks from 0:
        // point 1: 1/(0+2) = 0.5; point 2: 1/(1+2) + 1/(0+2) = 0.8333.
        Assert.Equal([(2UL, 0.8333), (1UL, 0.5)], hits.Select(h => (h.Id.Num, Math.Round(h.Score, 4))));
        _server.AssertNoViolations();
    }

    [Fact]
    public async Task Query_SomethingNotImitated_UnimplementedAndKeptAsAViolation()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.QueryAsync("c", new Query { Nearest = new VectorInput { Dense = new DenseVector { Data = { 1f, 0f } } } }, usingVector: "dense", scoreThreshold: 0.5f));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Contains(_server.Violations, v => v.Contains("Points/Query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calls_FaultsPlanned_AppliedInOrderThenNormalReplies()
    {
        _server.Faults.Status(StatusCode.Unavailable).Status(StatusCode.ResourceExhausted);

        var first = await Assert.ThrowsAsync<RpcException>(() => _client.CountAsync("c"));
        var second = await Assert.ThrowsAsync<RpcException>(() => _client.CountAsync("c"));

        Assert.Equal((StatusCode.Unavailable, StatusCode.ResourceExhausted), (first.StatusCode, second.StatusCode));
        Assert.Equal(0UL, await _client.CountAsync("c"));
        Assert.Equal(3, _server.CallsTo("Points/Count").Count);
    }

    private static PointStruct Point(ulong id, float[] dense, string name = "dense", uint? sparse = null)
    {
        var vectors = new NamedVectors { Vectors = { [name] = new Vector { Dense = new DenseVector { Data = { dense } } } } };
        if (sparse is { } term)
        {
            vectors.Vectors["bm25"] = new Vector { Sparse = new SparseVector { Indices = { term }, Values = { 1f } } };
        }

        return new PointStruct { Id = new PointId { Num = id }, Vectors = new Vectors { Vectors_ = vectors } };
    }
}
