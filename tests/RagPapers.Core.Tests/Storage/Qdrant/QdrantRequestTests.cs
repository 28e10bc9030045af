using Qdrant.Client.Grpc;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Retrieval;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>What the index sends, read back with the official client's message types: waited writes, deterministic ids, one fused query for hybrid search, filters.</summary>
public sealed class QdrantRequestTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>, IAsyncLifetime
{
    private static readonly PaperDocument[] Papers =
    [
        TestPapers.Document(TestPapers.Make("zeo", "Zeolite catalysis", "Porous zeolite catalysts speed up cracking.", new DateOnly(2024, 3, 1), "a.txt"), "Porous zeolite catalysts speed up cracking.", "Acid sites matter."),
        TestPapers.Document(TestPapers.Make("graph", "Graph learning", "Graph networks learn node features.", new DateOnly(2023, 1, 1), "b.txt")),
        TestPapers.Document(TestPapers.Make("mix", "Zeolite graphs", "Graph models of zeolite frameworks.", null, "b.txt")),
    ];

    private readonly string _collection = TestQdrant.NewCollection();
    private QdrantPaperIndex _sut = null!;

    public async Task InitializeAsync()
    {
        _sut = await TestQdrant.OpenAsync(fixture.Server.Url, _collection);
        await _sut.UpsertAsync(Papers);
    }

    public async Task DisposeAsync()
    {
        await _sut.DisposeAsync();
        fixture.Server.AssertNoViolations();
    }

    [Fact]
    public async Task UpsertAsync_Again_WaitsForEveryWriteAndOverwritesTheSamePointIds()
    {
        fixture.Server.ClearCalls();

        await _sut.UpsertAsync(Papers);

        var upserts = fixture.Server.CallsTo("Points/Upsert").Select(c => c.Read(UpsertPoints.Parser)).ToList();
        Assert.All(upserts, u => Assert.True(u.Wait));
        Assert.All(fixture.Server.CallsTo("Points/Delete"), c => Assert.True(c.Read(DeletePoints.Parser).Wait));
        var ids = upserts.SelectMany(u => u.Points).Select(p => p.Id.Uuid).ToList();
        Assert.Contains(PointIds.Paper("zeo"), ids);
        Assert.Contains(PointIds.Chunk("zeo", 1), ids);
        Assert.Equal(3, await _sut.CountPapersAsync());
        Assert.Equal(4, await _sut.CountChunksAsync());
    }

    [Fact]
    public async Task HybridSearchAsync_OneQuery_SameRankingAsFusingKeywordAndVectorSearch()
    {
        var vector = HashingEmbeddingGenerator.Embed("zeolite graph");
        var keyword = await _sut.KeywordSearchAsync("zeolite graph", 20);
        var dense = await _sut.VectorSearchAsync(vector, 20);
        fixture.Server.ClearCalls();

        var hits = await _sut.HybridSearchAsync(new HybridSearchRequest("zeolite graph", vector, 20, KeywordWeight: 0.8, RrfK: 10));

        var query = Assert.Single(fixture.Server.Calls).Read(QueryPoints.Parser);
        Assert.Equal(["bm25", "dense"], query.Prefetch.Select(p => p.Using));
        Assert.Equal([20UL, 20UL], query.Prefetch.Select(p => p.Limit));
        Assert.Equal(11U, query.Query.Rrf.K);
        Assert.Equal([0.8, 0.2], query.Query.Rrf.Weights.Select(w => Math.Round(w, 6)));
        var expected = ReciprocalRankFusion.Fuse([new RankedList<ChunkHit>(keyword, 0.8), new RankedList<ChunkHit>(dense, 0.2)], 10, new ChunkKey());
        Assert.Equal(expected.Select(e => (e.Item.PaperId, e.Item.Ordinal)), hits.Select(h => (h.PaperId, h.Ordinal)));
        Assert.All(expected.Zip(hits), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-6)); // gRPC scores are float32
    }

    [Fact]
    public async Task KeywordSearchAsync_Query_SendsDistinctTermIdsWithWeightOneOnTheSparseVector()
    {
        fixture.Server.ClearCalls();

        await _sut.KeywordSearchAsync("zeolite zeolites, the graph", 5);

        var query = Assert.Single(fixture.Server.Calls).Read(QueryPoints.Parser);
        Assert.Equal("bm25", query.Using);
        Assert.Equal(new[] { Bm25SparseEncoder.TermId("graph"), Bm25SparseEncoder.TermId("zeolite") }.Order(), query.Query.Nearest.Sparse.Indices);
        Assert.Equal([1f, 1f], query.Query.Nearest.Sparse.Values);
        Assert.Equal(5UL, query.Limit);
        Assert.Equal(["paper_id", "ordinal", "text"], query.WithPayload.Include.Fields);
    }

    [Fact]
    public async Task VectorSearchAsync_Filter_SendsDateRangeAndSourceAsKeywordMatch()
    {
        fixture.Server.ClearCalls();

        var hits = await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("zeolite"), 5, new SearchFilter(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), "a.txt"));

        var must = Assert.Single(fixture.Server.Calls).Read(QueryPoints.Parser).Filter.Must;
        Assert.Equal("published", must[0].Field.Key);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), must[0].Field.DatetimeRange.Gte.ToDateTime());
        Assert.Equal(new DateTime(2024, 12, 31, 0, 0, 0, DateTimeKind.Utc), must[0].Field.DatetimeRange.Lte.ToDateTime());
        Assert.Equal(("source", "a.txt"), (must[1].Field.Key, must[1].Field.Match.Keyword));
        Assert.Equal(["zeo", "zeo"], hits.Select(h => h.PaperId));
    }

    private sealed class ChunkKey : IEqualityComparer<ChunkHit>
    {
        public bool Equals(ChunkHit? x, ChunkHit? y) => x!.PaperId == y!.PaperId && x.Ordinal == y.Ordinal;

        public int GetHashCode(ChunkHit obj) => HashCode.Combine(obj.PaperId, obj.Ordinal);
    }
}
