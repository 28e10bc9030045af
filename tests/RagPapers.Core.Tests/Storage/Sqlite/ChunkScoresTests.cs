using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>Blocks of postings add up per chunk in the order they come, the best come out ties to the lower id, and a cleared search leaves nothing behind.</summary>
public sealed class ChunkScoresTests
{
    [Fact]
    public void Add_TwoTermsBlocks_SumsEachChunksSharesInTermOrder()
    {
        var sut = new ChunkScores();
        var first = Shares(idf: 1.5);
        var second = Shares(idf: 0.7);
        sut.Start(size: 10);

        sut.Add(KeywordPostingBlock.Encode([new(2, 0, 1, 30), new(5, 1, 2, 200)]), 2, first);
        var firstOfFive = first.Of(1, 2, 200);
        sut.Add(KeywordPostingBlock.Encode([new(5, 0, 3, 200), new(7, 0, 1, 1500)]), 5, second);

        Assert.Equal([2, 5, 7], sut.Touched.ToArray());
        Assert.Equal(firstOfFive + second.Of(0, 3, 200), sut[5]);
        Assert.Equal(FtsBm25.Score(0.7, 1, FtsBm25.Saturation(1500, 225)), sut[7]);
    }

    [Fact]
    public void Add_ChunkAtOrAboveTheSize_IsNotScored()
    {
        var sut = new ChunkScores();
        sut.Start(size: 6);

        sut.Add(KeywordPostingBlock.Encode([new(4, 0, 1, 30), new(6, 0, 1, 30), new(900, 0, 1, 30)]), 4, Shares(idf: 1));

        Assert.Equal([4], sut.Touched.ToArray());
    }

    [Fact]
    public void Best_TiedAndSkippedChunks_OrdersBestFirstTiesToTheLowerId()
    {
        var sut = new ChunkScores();
        sut.Start(size: 20);
        sut.Add(KeywordPostingBlock.Encode([new(3, 0, 1, 50), new(9, 0, 1, 50), new(11, 0, 4, 50), new(12, 0, 2, 50), new(15, 0, 1, 50)]), 3, Shares(idf: 1));

        Assert.Equal([11, 12, 3], sut.Best(3, skip: null));
        Assert.Equal([12, 3, 9], sut.Best(3, skip: [11]));
    }

    [Fact]
    public void Clear_AfterASearch_LeavesTheNextSearchOnlyItsOwnScores()
    {
        var sut = new ChunkScores();
        var shares = Shares(idf: 1);
        sut.Start(size: 10);
        sut.Add(KeywordPostingBlock.Encode([new(1, 0, 1, 30), new(4, 0, 1, 30)]), 1, shares);
        sut.Clear();

        sut.Start(size: 10);
        sut.Add(KeywordPostingBlock.Encode([new(4, 0, 1, 30)]), 4, shares);

        Assert.Equal([4], sut.Touched.ToArray());
        Assert.Equal(0, sut[1]);
        Assert.Equal(shares.Of(0, 1, 30), sut[4]);
    }

    private static TermShares Shares(double idf)
    {
        var shares = new TermShares();
        shares.Reset(idf, titleWeight: 2.0, averageLength: 225);
        return shares;
    }
}
