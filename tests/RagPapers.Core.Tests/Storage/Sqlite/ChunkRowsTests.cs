using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

public class ChunkRowsTests
{
    [Fact]
    public void Build_TextsFillingSeveralBlocks_EachReadBackWhole()
    {
        // 3,000 texts of ~700 bytes fill two 1 MB blocks and start a third; one 1.5 MB text gets a block of its own.
        var sut = new ChunkRows.Builder(3_001);
        var texts = Enumerable.Range(0, 3_000).Select(i => $"{i}: " + new string((char)('a' + (i % 26)), 690) + " naïve α").ToList();
        texts.Insert(1_500, new string('z', 1_500_000));
        for (var i = 0; i < texts.Count; i++)
        {
            sut.Add(i + 1, "p" + (i % 7), i, texts[i]);
        }

        var rows = sut.Build();

        Assert.All(Enumerable.Range(0, texts.Count), i => Assert.Equal(texts[i], rows[i].Text));
        Assert.Equal("p2", rows[1_500].PaperId); // 1,500 mod 7
    }

    [Fact]
    public void RowsOf_ChunksAddedOutOfOrder_InOrdinalOrder()
    {
        var sut = new ChunkRows.Builder(4);
        sut.Add(10, "p", 2, "two");
        sut.Add(11, "q", 0, "other");
        sut.Add(12, "p", 0, "zero");
        sut.Add(13, "p", 1, "one");

        var rows = sut.Build();

        Assert.Equal(["zero", "one", "two"], rows.RowsOf("p").Select(r => rows[r].Text));
        Assert.Empty(rows.RowsOf("missing"));
    }

    [Fact]
    public void TryGetRow_ChunkIdFromTheStore_FindsItsRowAndOnlyKnownIds()
    {
        var sut = new ChunkRows.Builder(2);
        sut.Add(41, "p", 0, "first");
        sut.Add(7, "q", 0, "second");

        var rows = sut.Build();

        Assert.True(rows.TryGetRow(7, out var row));
        Assert.Equal("second", rows[row].Text);
        Assert.False(rows.TryGetRow(8, out _));
    }
}
