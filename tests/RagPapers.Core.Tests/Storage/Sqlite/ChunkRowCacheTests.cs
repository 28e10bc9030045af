using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

public sealed class ChunkRowCacheTests
{
    private static ChunkRow Row(string paperId, int ordinal, int textLength = 100) =>
        new(new Chunk(paperId, ordinal, new string('x', textLength)), new float[4]);

    [Fact]
    public void Add_PastTheBudget_StartsOverSoMemoryStaysBounded()
    {
        var sut = new ChunkRowCache(budgetBytes: 2_000);

        for (var id = 0; id < 100; id++)
        {
            sut.Add(id, Row("p", id));
        }

        Assert.InRange(sut.Count, 1, 2_000 / (100 * sizeof(char)));
        Assert.True(sut.TryGet(99, out _));
        Assert.False(sut.TryGet(0, out _));
    }

    [Fact]
    public void TryGetPaper_AllItsRowsHeld_ReturnsThemInOrder()
    {
        var sut = new ChunkRowCache(ChunkRowCache.DefaultBudgetBytes);
        sut.Add(7, Row("p", 0));
        sut.Add(9, Row("p", 1));

        sut.AddPaper("p", [7, 9]);

        Assert.True(sut.TryGetPaper("p", out var rows));
        Assert.Equal([0, 1], rows.Select(r => r.Chunk.Ordinal));
    }

    [Fact]
    public void TryGetPaper_ARowDroppedSince_Misses()
    {
        var sut = new ChunkRowCache(budgetBytes: 600);
        sut.Add(1, Row("p", 0));
        sut.AddPaper("p", [1]);

        sut.Add(2, Row("q", 0, textLength: 250)); // does not fit beside the first: the cache starts over

        Assert.False(sut.TryGetPaper("p", out _));
    }

    [Fact]
    public void AddPaper_ARowNotHeld_IsNotRecorded()
    {
        var sut = new ChunkRowCache(ChunkRowCache.DefaultBudgetBytes);
        sut.Add(1, Row("p", 0));

        sut.AddPaper("p", [1, 2]);

        Assert.False(sut.TryGetPaper("p", out _));
    }
}
