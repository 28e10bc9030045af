using System.Text.Json.Nodes;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Retrieval;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>What the index sends: waited writes, deterministic ids, one fused query for hybrid search, filters.</summary>
public sealed class QdrantRequestTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>, IAsyncLifetime
{
    private static readonly PaperDocument[] Papers =
    [
        TestPapers.Document(TestPapers.Make("zeo", "Zeolite catalysis", "Porous zeolite catalysts speed up cracking.", new DateOnly(2024, 3, 1), "a.txt"), "Porous zeolite catalysts speed up cracking.", "Acid sites matter."),
        TestPapers.Document(TestPapers.Make("graph", "Graph learning", "Graph networks learn node features.", new DateOnly(2023, 1, 1), "b.txt")),
        TestPapers.Document(TestPapers.Make("mix", "Zeolite graphs", "Graph models of zeolite frameworks.", null, "b.txt")),
    ];

    private readonly string collection = TestQdrant.NewCollection();
    private QdrantPaperIndex sut = null!;

    public async Task InitializeAsync()
    {
        sut = await TestQdrant.OpenAsync(fixture.Server.Url, collection);
        await sut.UpsertAsync(Papers);
    }

    public async Task DisposeAsync()
    {
        await sut.DisposeAsync();
        fixture.Server.AssertNoViolations();
    }

    [Fact]
    public async Task UpsertAsync_Again_WaitsForEveryWriteAndOverwritesTheSamePointIds()
    {
        fixture.Server.ClearRequests();

        await sut.UpsertAsync(Papers);

        var writes = Requests("upsert_points", "delete_points");
        Assert.All(writes, w => Assert.Equal("?wait=true", w.Query));
        var ids = Requests("upsert_points").SelectMany(r => JsonNode.Parse(r.Body)!["points"]!.AsArray()).Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(PointIds.Paper("zeo"), ids);
        Assert.Contains(PointIds.Chunk("zeo", 1), ids);
        Assert.Equal(3, await sut.CountPapersAsync());
        Assert.Equal(4, await sut.CountChunksAsync());
    }

    [Fact]
    public async Task HybridSearchAsync_OneQuery_SameRankingAsFusingKeywordAndVectorSearch()
    {
        var vector = HashingEmbeddingGenerator.Embed("zeolite graph");
        var keyword = await sut.KeywordSearchAsync("zeolite graph", 20);
        var dense = await sut.VectorSearchAsync(vector, 20);
        fixture.Server.ClearRequests();

        var hits = await sut.HybridSearchAsync(new HybridSearchRequest("zeolite graph", vector, 20, KeywordWeight: 0.8, RrfK: 10));

        var query = JsonNode.Parse(Assert.Single(fixture.Server.Requests).Body)!;
        Assert.Equal(["bm25", "dense"], query["prefetch"]!.AsArray().Select(p => p!["using"]!.GetValue<string>()));
        Assert.Equal(11, query["query"]!["rrf"]!["k"]!.GetValue<int>());
        Assert.Equal([0.8, 0.2], query["query"]!["rrf"]!["weights"]!.AsArray().Select(w => Math.Round(w!.GetValue<double>(), 6)));
        var expected = ReciprocalRankFusion.Fuse([new RankedList<ChunkHit>(keyword, 0.8), new RankedList<ChunkHit>(dense, 0.2)], 10, new ChunkKey());
        Assert.Equal(expected.Select(e => (e.Item.PaperId, e.Item.Ordinal, Math.Round(e.Score, 6))), hits.Select(h => (h.PaperId, h.Ordinal, Math.Round(h.Score, 6))));
    }

    [Fact]
    public async Task KeywordSearchAsync_Query_SendsDistinctTermIdsWithWeightOneOnTheSparseVector()
    {
        fixture.Server.ClearRequests();

        await sut.KeywordSearchAsync("zeolite zeolites, the graph", 5);

        var query = JsonNode.Parse(Assert.Single(fixture.Server.Requests).Body)!;
        Assert.Equal("bm25", query["using"]!.GetValue<string>());
        Assert.Equal(new[] { Bm25SparseEncoder.TermId("graph"), Bm25SparseEncoder.TermId("zeolite") }.Order(), query["query"]!["indices"]!.AsArray().Select(i => i!.GetValue<uint>()));
        Assert.Equal([1f, 1f], query["query"]!["values"]!.AsArray().Select(v => v!.GetValue<float>()));
        Assert.Equal(5, query["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task VectorSearchAsync_Filter_SendsDateRangeAsRfc3339AndSourceAsMatch()
    {
        fixture.Server.ClearRequests();

        var hits = await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("zeolite"), 5, new SearchFilter(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), "a.txt"));

        var must = JsonNode.Parse(Assert.Single(fixture.Server.Requests).Body)!["filter"]!["must"]!.AsArray();
        Assert.Equal("2024-01-01T00:00:00Z", must[0]!["range"]!["gte"]!.GetValue<string>());
        Assert.Equal("2024-12-31T00:00:00Z", must[0]!["range"]!["lte"]!.GetValue<string>());
        Assert.Equal("a.txt", must[1]!["match"]!["value"]!.GetValue<string>());
        Assert.Equal(["zeo", "zeo"], hits.Select(h => h.PaperId));
    }

    private List<Testing.Qdrant.RecordedRequest> Requests(params string[] operations) =>
        [.. fixture.Server.Requests.Where(r => operations.Contains(r.OperationId))];

    private sealed class ChunkKey : IEqualityComparer<ChunkHit>
    {
        public bool Equals(ChunkHit? x, ChunkHit? y) => x!.PaperId == y!.PaperId && x.Ordinal == y.Ordinal;

        public int GetHashCode(ChunkHit obj) => HashCode.Combine(obj.PaperId, obj.Ordinal);
    }
}
