using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>Reads that span many scroll pages: pages of two points, so every boundary case of the paging is crossed.</summary>
public sealed class QdrantPagingTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>, IDisposable
{
    public void Dispose() => fixture.Server.AssertNoViolations();

    [Fact]
    public async Task ListPapersAsync_DatesSpanningPages_NewestFirstEachDateByTitleUndatedLast()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, TestQdrant.NewCollection(), pageSize: 2);
        await sut.OpenAsync(TestStores.Embedder);
        var day = new DateOnly(2024, 3, 1);
        await sut.UpsertAsync(
        [
            Paper("a", "Delta", day), Paper("b", "Alpha", day), Paper("c", "Charlie", day), Paper("d", "Bravo", day), // 4 on one date: two full pages
            Paper("e", "Echo", day.AddDays(1)),
            Paper("f", "Foxtrot", day.AddDays(-1)), Paper("g", "Golf", day.AddDays(-1)),
            Paper("h", "Zulu", null), Paper("i", "Yankee", null), Paper("j", "X-ray", null),
        ]);

        var titles = new List<string>();
        await foreach (var paper in sut.ListPapersAsync())
        {
            titles.Add(paper.Title);
        }

        Assert.Equal(["Echo", "Alpha", "Bravo", "Charlie", "Delta", "Foxtrot", "Golf", "X-ray", "Yankee", "Zulu"], titles);
        Assert.Equal(10, (await sut.GetContentHashesAsync()).Count);
    }

    [Fact]
    public async Task GetChunksAsync_MoreChunksThanAPage_AllInOrder()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, TestQdrant.NewCollection(), pageSize: 2);
        await sut.OpenAsync(TestStores.Embedder);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p"), "one", "two", "three", "four", "five")]);

        var chunks = await sut.GetChunksAsync("p");

        Assert.Equal(["one", "two", "three", "four", "five"], chunks.Select(c => c.Chunk.Text));
    }

    [Fact]
    public async Task GetChunksAsync_ManyPapersSpanningIdSlicesAndPages_EachPaperWholeAndInOrder()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, TestQdrant.NewCollection(), pageSize: 2);
        await sut.OpenAsync(TestStores.Embedder);
        var ids = new[] { "a", "b", "c", "d", "e" };
        await sut.UpsertAsync([.. ids.Select(id => TestPapers.Document(TestPapers.Make(id, title: "Title " + id), id + "1", id + "2", id + "3"))]);

        // Five ids in slices of two, three chunks each in pages of two: both loops cross their boundaries.
        var chunks = await sut.GetChunksAsync(ids);

        Assert.Equal(ids, chunks.Keys.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal([id + "1", id + "2", id + "3"], chunks[id].Select(c => c.Chunk.Text)));
    }

    private static PaperDocument Paper(string id, string title, DateOnly? published) =>
        TestPapers.Document(TestPapers.Make(id, title, published: published));
}
