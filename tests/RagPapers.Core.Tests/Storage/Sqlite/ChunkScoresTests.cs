using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// Blocks of postings add up per chunk in the order they come, the best come out ties to the lower id, and a cleared
/// search leaves nothing behind; alike whether the touched chunks are listed (few postings) or the array scanned (many).
/// </summary>
public sealed class ChunkScoresTests
{
    private const int Few = 1;
    private const int Many = 1_000;

    [Theory]
    [InlineData(Few)]
    [InlineData(Many)]
    public void Add_TwoTermsBlocks_SumsEachChunksSharesInTermOrder(int postings)
    {
        var sut = new ChunkScores();
        var first = Shares(idf: 1.5);
        var second = Shares(idf: 0.7);
        sut.Start(size: 10, postings);

        sut.Add(KeywordPostingBlock.Encode([new(2, 0, 1, 30), new(5, 1, 2, 200)]), 2, first);
        var firstOfFive = first.Of(1, 2, 200);
        sut.Add(KeywordPostingBlock.Encode([new(5, 0, 3, 200), new(7, 0, 1, 1500)]), 5, second);

        Assert.Equal([5, 2, 7], sut.Best(10, skip: null));
        Assert.Equal(firstOfFive + second.Of(0, 3, 200), sut[5]);
        Assert.Equal(FtsBm25.Score(0.7, 1, FtsBm25.Saturation(1500, 225)), sut[7]);
    }

    [Theory]
    [InlineData(Few)]
    [InlineData(Many)]
    public void Add_ChunkAtOrAboveTheSize_IsNotScored(int postings)
    {
        var sut = new ChunkScores();
        sut.Start(size: 6, postings);

        sut.Add(KeywordPostingBlock.Encode([new(4, 0, 1, 30), new(6, 0, 1, 30), new(900, 0, 1, 30)]), 4, Shares(idf: 1));

        Assert.Equal([4], sut.Best(10, skip: null));
    }

    [Theory]
    [InlineData(Few)]
    [InlineData(Many)]
    public void Best_TiedAndSkippedChunks_OrdersBestFirstTiesToTheLowerId(int postings)
    {
        var sut = new ChunkScores();
        sut.Start(size: 20, postings);
        sut.Add(KeywordPostingBlock.Encode([new(3, 0, 1, 50), new(9, 0, 1, 50), new(11, 0, 4, 50), new(12, 0, 2, 50), new(15, 0, 1, 50)]), 3, Shares(idf: 1));

        Assert.Equal([11, 12, 3], sut.Best(3, skip: null));
        Assert.Equal([12, 3, 9], sut.Best(3, skip: [11]));
        Assert.Equal([11, 12, 3, 9, 15], sut.Best(30, skip: null));
    }

    [Theory]
    [InlineData(Few, Many)]
    [InlineData(Many, Few)]
    public void Clear_AfterASearch_LeavesTheNextSearchOnlyItsOwnScores(int postings, int nextPostings)
    {
        var sut = new ChunkScores();
        var shares = Shares(idf: 1);
        sut.Start(size: 10, postings);
        sut.Add(KeywordPostingBlock.Encode([new(1, 0, 1, 30), new(4, 0, 1, 30)]), 1, shares);
        sut.Clear();

        sut.Start(size: 10, nextPostings);
        sut.Add(KeywordPostingBlock.Encode([new(4, 0, 1, 30)]), 4, shares);

        Assert.Equal([4], sut.Best(10, skip: null));
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
