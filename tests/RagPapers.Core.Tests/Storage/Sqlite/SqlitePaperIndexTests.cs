using RagPapers.Core.Tests.Fakes;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Sqlite;

public sealed class SqlitePaperIndexTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("store.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UpsertAsync_NewPapers_GetAndCountReturnThem()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        var paper = new Paper("2406.01234", "Sparse Graphs", "First sentence. Second one.", ["Ada Lovelace", "Alan Turing"], new DateOnly(2024, 6, 3), "daily.txt", "2406.01234");
        var undated = TestPapers.Make("t-00", title: "Undated", published: null);

        await sut.UpsertAsync([TestPapers.Document(paper, "First sentence.", "Second one."), TestPapers.Document(undated)]);

        Assert.Equal(2, await sut.CountPapersAsync());
        Assert.Equal(3, await sut.CountChunksAsync());
        AssertSamePaper(paper, await sut.GetPaperAsync(paper.Id));
        AssertSamePaper(undated, await sut.GetPaperAsync(undated.Id));
        Assert.Null(await sut.GetPaperAsync("missing"));
    }

    [Fact]
    public async Task UpsertAsync_PaperWithoutAuthors_RoundTripsEmptyList()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        var paper = TestPapers.Make("p1") with { Authors = [] };

        await sut.UpsertAsync([TestPapers.Document(paper)]);

        Assert.Empty((await sut.GetPaperAsync("p1"))!.Authors);
    }

    [Fact]
    public async Task UpsertAsync_SamePaperAgain_ReplacesChunksAndSearchRows()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        var paper = TestPapers.Make("p1", abstractText: "Old zeolite text. Second part.");
        await sut.UpsertAsync([TestPapers.Document(paper, "Old zeolite text.", "Second part.")]);
        var changed = paper with { Abstract = "New perovskite text." };

        await sut.UpsertAsync([TestPapers.Document(changed)]);

        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Equal(1, await sut.CountChunksAsync());
        Assert.Equal(1, TestStores.KeywordIndexChunks(StorePath));
        Assert.Empty(await sut.KeywordSearchAsync("zeolite", 10));
        Assert.Single(await sut.KeywordSearchAsync("perovskite", 10));
        Assert.Equal("New perovskite text.", (await sut.GetPaperAsync("p1"))!.Abstract);
    }

    [Fact]
    public async Task UpsertAsync_WrongVectorSize_ThrowsAndWritesNothing()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        var good = TestPapers.Document(TestPapers.Make("p1"));
        var paper = TestPapers.Make("p2");
        var bad = new PaperDocument(paper, "hash", [new IndexedChunk(new("p2", 0, paper.Abstract), new float[3])]);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.UpsertAsync([good, bad]));

        Assert.Equal(0, await sut.CountPapersAsync());
    }

    [Fact]
    public async Task UpsertAsync_CanceledMidBatch_KeepsEarlierBatchesAndNoneOfThisOne()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("a"))]);
        using var cts = new CancellationTokenSource();
        var c = TestPapers.Document(TestPapers.Make("c"));
        var canceling = c with { Paper = c.Paper with { Authors = new CancelingList(cts, "Ada Lovelace") } };

        // "b" is written inside the transaction before "c" cancels it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sut.UpsertAsync([TestPapers.Document(TestPapers.Make("b")), canceling], cts.Token));

        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Equal(1, await sut.CountChunksAsync());
        Assert.Equal(1, TestStores.KeywordIndexChunks(StorePath));
        Assert.Null(await sut.GetPaperAsync("b"));
    }

    [Fact]
    public async Task GetChunksAsync_StoredPaper_ReturnsChunksInOrderWithVectors()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        var document = TestPapers.Document(TestPapers.Make("p1"), "one", "two", "three");
        await sut.UpsertAsync([document with { Chunks = document.Chunks.Reverse().ToArray() }]);

        var chunks = await sut.GetChunksAsync("p1");

        Assert.Equal(["one", "two", "three"], chunks.Select(c => c.Chunk.Text));
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Chunk.Ordinal));
        Assert.Equal(document.Chunks[1].Vector.ToArray(), chunks[1].Vector.ToArray());
        Assert.Empty(await sut.GetChunksAsync("missing"));
    }

    [Fact]
    public async Task GetPapersAsync_MixedIds_ReturnsOnlyStoredOnes()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1")), TestPapers.Document(TestPapers.Make("p2"))]);

        var papers = await sut.GetPapersAsync(["p2", "nope", "p1", "p2"]);

        Assert.Equal(["p1", "p2"], papers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetContentHashesAsync_StoredPapers_ReturnsHashById()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        var document = TestPapers.Document(TestPapers.Make("p1"));
        await sut.UpsertAsync([document]);

        var hashes = await sut.GetContentHashesAsync();

        Assert.Equal(document.ContentHash, Assert.Single(hashes).Value);
    }

    [Fact]
    public async Task ListPapersAsync_MixedDates_NewestFirstUndatedLastThenTitle()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("a", title: "Beta", published: new DateOnly(2024, 1, 1))),
            TestPapers.Document(TestPapers.Make("b", title: "Undated")),
            TestPapers.Document(TestPapers.Make("c", title: "Alpha", published: new DateOnly(2024, 1, 1))),
            TestPapers.Document(TestPapers.Make("d", title: "Newest", published: new DateOnly(2025, 2, 1))),
        ]);

        var titles = new List<string>();
        await foreach (var paper in sut.ListPapersAsync())
        {
            titles.Add(paper.Title);
        }

        Assert.Equal(["Newest", "Alpha", "Beta", "Undated"], titles);
    }

    [Fact]
    public async Task DeleteBySourceAsync_TwoSources_RemovesOnlyThatSource()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("a1", abstractText: "zeolite one", source: "a.txt"), "zeolite one", "zeolite two"),
            TestPapers.Document(TestPapers.Make("a2", abstractText: "zeolite three", source: "a.txt")),
            TestPapers.Document(TestPapers.Make("b1", abstractText: "zeolite four", source: "b.txt")),
        ]);
        var query = HashingEmbeddingGenerator.Embed("zeolite");
        Assert.Equal(4, (await sut.VectorSearchAsync(query, 10)).Count); // loads the vector cache before the delete

        var deleted = await sut.DeleteBySourceAsync("a.txt");

        Assert.Equal(2, deleted);
        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Equal(1, await sut.CountChunksAsync());
        Assert.Equal(1, TestStores.KeywordIndexChunks(StorePath));
        Assert.Equal(["b1"], (await sut.KeywordSearchAsync("zeolite", 10)).Select(h => h.PaperId));
        Assert.Equal(["b1"], (await sut.VectorSearchAsync(query, 10)).Select(h => h.PaperId));
        Assert.Equal(0, await sut.DeleteBySourceAsync("a.txt"));
    }

    [Fact]
    public async Task UpsertAsync_ThenReopen_DataPersists()
    {
        await using (var first = await TestStores.OpenAsync(StorePath))
        {
            await first.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", abstractText: "Persistent zeolite."))]);
        }

        await using var sut = await TestStores.OpenAsync(StorePath);

        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Single(await sut.KeywordSearchAsync("zeolite", 5));
        Assert.Single(await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("zeolite"), 5));
    }

    private static void AssertSamePaper(Paper expected, Paper? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Authors = [] }, actual with { Authors = [] });
        Assert.Equal(expected.Authors, actual.Authors);
    }

    /// <summary>Cancels its token when the index reads it, i.e. in the middle of writing a batch.</summary>
    private sealed class CancelingList(CancellationTokenSource cts, params string[] items) : IReadOnlyList<string>
    {
        public int Count => items.Length;

        public string this[int index] => items[index];

        public IEnumerator<string> GetEnumerator()
        {
            cts.Cancel();
            return ((IEnumerable<string>)items).GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
