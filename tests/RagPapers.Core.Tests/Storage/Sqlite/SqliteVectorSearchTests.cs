using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

public sealed class SqliteVectorSearchTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private SqlitePaperIndex _sut = null!;

    public async Task InitializeAsync()
    {
        _sut = await TestStores.OpenAsync(_temp.File("store.db"));
        await _sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("vision", "Vision", "Convolutional image classification", new DateOnly(2023, 5, 1), "a.txt")),
            TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition", new DateOnly(2024, 5, 1), "a.txt")),
            TestPapers.Document(TestPapers.Make("text", "Language", "Transformer language modelling", new DateOnly(2024, 8, 1), "b.txt")),
            TestPapers.Document(TestPapers.Make("undated", "Image speech", "Image and speech fusion", null, "b.txt")),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _sut.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task VectorSearchAsync_QueryOfStoredText_RanksThatChunkFirstWithCosineOne()
    {
        var hits = await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("Speech. Acoustic speech recognition"), 10);

        Assert.Equal("speech", hits[0].PaperId);
        Assert.Equal(1.0, hits[0].Score, 5);
        Assert.Equal("Acoustic speech recognition", hits[0].Text);
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    [Fact]
    public async Task VectorSearchAsync_UnnormalizedQuery_ScoresAsCosine()
    {
        var query = HashingEmbeddingGenerator.Embed("Speech. Acoustic speech recognition").Select(v => v * 3).ToArray();

        var hits = await _sut.VectorSearchAsync(query, 1);

        Assert.Equal(1.0, Assert.Single(hits).Score, 5);
    }

    [Fact]
    public async Task VectorSearchAsync_Top_KeepsBestK()
    {
        var all = await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("image speech"), 10);
        var two = await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("image speech"), 2);

        Assert.Equal(4, all.Count);
        Assert.Equal(all.Take(2), two);
        Assert.Empty(await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("image speech"), 0));
    }

    [Fact]
    public async Task VectorSearchAsync_DateRange_KeepsOnlyDatedPapersInRange()
    {
        var hits = await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("image speech"), 10, new SearchFilter(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 6, 30)));

        Assert.Equal(["speech"], hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task VectorSearchAsync_UpperDateBoundOnly_DropsUndatedPapers()
    {
        var hits = await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("image speech"), 10, new SearchFilter(To: new DateOnly(2030, 1, 1)));

        Assert.Equal(["speech", "text", "vision"], hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task VectorSearchAsync_Source_KeepsOnlyThatSource()
    {
        var hits = await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("image speech"), 10, new SearchFilter(Source: "b.txt"));

        Assert.Equal(["text", "undated"], hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
        Assert.Empty(await _sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("image"), 10, new SearchFilter(Source: "nowhere.txt")));
    }

    [Fact]
    public async Task VectorSearchAsync_AfterUpsert_SeesNewChunks()
    {
        var query = HashingEmbeddingGenerator.Embed("Graphs. Graph neural networks");
        Assert.NotEqual("graphs", (await _sut.VectorSearchAsync(query, 1))[0].PaperId);

        await _sut.UpsertAsync([TestPapers.Document(TestPapers.Make("graphs", "Graphs", "Graph neural networks"))]);

        Assert.Equal("graphs", (await _sut.VectorSearchAsync(query, 1))[0].PaperId);
    }

    [Fact]
    public async Task VectorSearchAsync_WrongDimensions_ThrowsArgument()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _sut.VectorSearchAsync(new float[3], 5));
    }

    [Fact]
    public async Task VectorSearchAsync_ConcurrentSearches_AllSucceed()
    {
        var query = HashingEmbeddingGenerator.Embed("image speech");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _sut.VectorSearchAsync(query, 3))));

        Assert.All(results, r => Assert.Equal(results[0], r));
    }
}
