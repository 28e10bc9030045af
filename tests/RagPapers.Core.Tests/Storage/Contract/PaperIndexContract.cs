using RagPapers.Core.Tests.Fakes;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IPaperIndex"/> must do, whatever holds the data: writes and reads here, searches in the
/// other part. A derived class supplies a fresh, empty store per test (SQLite file, Qdrant collection).
/// </summary>
public abstract partial class PaperIndexContract : IAsyncLifetime
{
    protected static EmbedderDescriptor Embedder => TestStores.Embedder;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [ContractFact]
    public async Task UpsertAsync_NewPapers_GetAndCountReturnThem()
    {
        await using var sut = await OpenAsync();
        var paper = new Paper("2406.01234", "Sparse Graphs", "First sentence. Second one.", ["Ada Lovelace", "Alan Turing"], new DateOnly(2024, 6, 3), "daily.txt", "2406.01234");
        var undated = TestPapers.Make("t-00", title: "Undated", published: null) with { Authors = [] };

        await sut.UpsertAsync([TestPapers.Document(paper, "First sentence.", "Second one."), TestPapers.Document(undated)]);

        Assert.Equal(2, await sut.CountPapersAsync());
        Assert.Equal(3, await sut.CountChunksAsync());
        AssertSamePaper(paper, await sut.GetPaperAsync(paper.Id));
        AssertSamePaper(undated, await sut.GetPaperAsync(undated.Id));
        Assert.Null(await sut.GetPaperAsync("missing"));
    }

    [ContractFact]
    public async Task UpsertAsync_SameBatchTwice_StoresItOnce()
    {
        await using var sut = await OpenAsync();
        var batch = new[] { TestPapers.Document(TestPapers.Make("p1", abstractText: "Zeolite pores."), "Zeolite pores.", "More text."), TestPapers.Document(TestPapers.Make("p2")) };
        await sut.UpsertAsync(batch);

        await sut.UpsertAsync(batch);

        Assert.Equal(2, await sut.CountPapersAsync());
        Assert.Equal(3, await sut.CountChunksAsync());
        Assert.Single(await sut.KeywordSearchAsync("zeolite", 10));
        Assert.Equal(2, (await sut.GetContentHashesAsync()).Count);
    }

    [ContractFact]
    public async Task UpsertAsync_SamePaperAgain_ReplacesChunksAndSearchRows()
    {
        await using var sut = await OpenAsync();
        var paper = TestPapers.Make("p1", abstractText: "Old zeolite text. Second part.");
        await sut.UpsertAsync([TestPapers.Document(paper, "Old zeolite text.", "Second part.")]);
        var changed = paper with { Abstract = "New perovskite text." };

        await sut.UpsertAsync([TestPapers.Document(changed)]);

        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Equal(1, await sut.CountChunksAsync());
        Assert.Empty(await sut.KeywordSearchAsync("zeolite", 10));
        Assert.Single(await sut.KeywordSearchAsync("perovskite", 10));
        Assert.Equal("New perovskite text.", (await sut.GetPaperAsync("p1"))!.Abstract);
        Assert.Equal(["New perovskite text."], (await sut.GetChunksAsync("p1")).Select(c => c.Chunk.Text));
    }

    [ContractFact]
    public async Task UpsertAsync_WrongVectorSize_ThrowsAndWritesNothing()
    {
        await using var sut = await OpenAsync();
        var good = TestPapers.Document(TestPapers.Make("p1"));
        var paper = TestPapers.Make("p2");
        var bad = new PaperDocument(paper, "hash", [new IndexedChunk(new("p2", 0, paper.Abstract), new float[3])]);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.UpsertAsync([good, bad]));

        Assert.Equal(0, await sut.CountPapersAsync());
        Assert.Equal(0, await sut.CountChunksAsync());
    }

    [ContractFact]
    public async Task GetChunksAsync_StoredPaper_ReturnsChunksInOrderWithVectors()
    {
        await using var sut = await OpenAsync();
        var document = TestPapers.Document(TestPapers.Make("p1"), "one", "two", "three");
        await sut.UpsertAsync([document with { Chunks = document.Chunks.Reverse().ToArray() }]);

        var chunks = await sut.GetChunksAsync("p1");

        Assert.Equal(["one", "two", "three"], chunks.Select(c => c.Chunk.Text));
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Chunk.Ordinal));

        // The test embedder's vectors are unit length, so a store that normalizes them (Qdrant's cosine) keeps them.
        Assert.Equal(document.Chunks[1].Vector.ToArray(), chunks[1].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Empty(await sut.GetChunksAsync("missing"));
    }

    [ContractFact]
    public async Task GetPapersAsync_MixedIds_ReturnsOnlyStoredOnes()
    {
        await using var sut = await OpenAsync();
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1")), TestPapers.Document(TestPapers.Make("p2"))]);

        var papers = await sut.GetPapersAsync(["p2", "nope", "p1", "p2"]);

        Assert.Equal(["p1", "p2"], papers.Keys.Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task GetContentHashesAsync_StoredPapers_ReturnsHashById()
    {
        await using var sut = await OpenAsync();
        var document = TestPapers.Document(TestPapers.Make("p1"));
        await sut.UpsertAsync([document]);

        var hashes = await sut.GetContentHashesAsync();

        Assert.Equal(KeyValuePair.Create("p1", document.ContentHash), Assert.Single(hashes));
    }

    [ContractFact]
    public async Task GetContentHashesAsync_SomeIds_ReturnsOnlyThoseStored()
    {
        await using var sut = await OpenAsync();
        var documents = new[] { "p1", "p2", "p3" }.Select(id => TestPapers.Document(TestPapers.Make(id, title: "Title " + id))).ToArray();
        await sut.UpsertAsync(documents);

        var hashes = await sut.GetContentHashesAsync(["p3", "nope", "p1"]);

        Assert.Equal([("p1", documents[0].ContentHash), ("p3", documents[2].ContentHash)], hashes.Select(h => (h.Key, h.Value)).OrderBy(h => h.Key, StringComparer.Ordinal));
        Assert.Empty(await sut.GetContentHashesAsync([]));
    }

    [ContractFact]
    public async Task ListPapersAsync_MixedDates_NewestFirstUndatedLastThenTitle()
    {
        await using var sut = await OpenAsync();
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("a", title: "Beta", published: new DateOnly(2024, 1, 1))),
            TestPapers.Document(TestPapers.Make("b", title: "Undated")),
            TestPapers.Document(TestPapers.Make("c", title: "Alpha", published: new DateOnly(2024, 1, 1))),
            TestPapers.Document(TestPapers.Make("d", title: "Newest", published: new DateOnly(2025, 2, 1))),
            TestPapers.Document(TestPapers.Make("e", title: "Also undated")),
        ]);

        var titles = new List<string>();
        await foreach (var paper in sut.ListPapersAsync())
        {
            titles.Add(paper.Title);
        }

        Assert.Equal(["Newest", "Alpha", "Beta", "Also undated", "Undated"], titles);
    }

    [ContractFact]
    public async Task DeleteBySourceAsync_TwoSources_RemovesOnlyThatSource()
    {
        await using var sut = await OpenAsync();
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("a1", abstractText: "zeolite one", source: "a.txt"), "zeolite one", "zeolite two"),
            TestPapers.Document(TestPapers.Make("a2", abstractText: "zeolite three", source: "a.txt")),
            TestPapers.Document(TestPapers.Make("b1", abstractText: "zeolite four", source: "b.txt")),
        ]);
        var query = HashingEmbeddingGenerator.Embed("zeolite");
        Assert.Equal(4, (await sut.VectorSearchAsync(query, 10)).Count);

        var deleted = await sut.DeleteBySourceAsync("a.txt");

        Assert.Equal(2, deleted);
        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Equal(1, await sut.CountChunksAsync());
        Assert.Equal(["b1"], (await sut.KeywordSearchAsync("zeolite", 10)).Select(h => h.PaperId));
        Assert.Equal(["b1"], (await sut.VectorSearchAsync(query, 10)).Select(h => h.PaperId));
        Assert.Equal(0, await sut.DeleteBySourceAsync("a.txt"));
    }

    /// <summary>A new, unopened index on this test's store: every call within one test reaches the same data.</summary>
    protected abstract IPaperIndex CreateIndex();

    protected async Task<IPaperIndex> OpenAsync(EmbedderDescriptor? embedder = null)
    {
        var index = CreateIndex();
        await index.OpenAsync(embedder ?? Embedder);
        return index;
    }

    private static void AssertSamePaper(Paper expected, Paper? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Authors = [] }, actual with { Authors = [] });
        Assert.Equal(expected.Authors, actual.Authors);
    }
}
