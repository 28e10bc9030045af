using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>A remembered share is the very double bm25()'s formula gives, for the term it was readied for.</summary>
public sealed class TermSharesTests
{
    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 3, 225)]
    [InlineData(1, 7, 1023)]
    [InlineData(2, 1, 40)] // title count outside the remembered ones
    [InlineData(0, 8, 40)] // text count outside
    [InlineData(0, 1, 1024)] // length outside
    [InlineData(5, 300, 70_000)]
    public void Of_AnyCombination_IsBitForBitTheFormulasScore(int titleCount, int textCount, int length)
    {
        var sut = new TermShares();
        sut.Reset(idf: 2.718281828, titleWeight: 2.0, averageLength: 225.42);

        var expected = FtsBm25.Score(2.718281828, (2.0 * titleCount) + textCount, FtsBm25.Saturation(length, 225.42));

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(sut.Of(titleCount, textCount, length)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(sut.Of(titleCount, textCount, length)));
    }

    [Fact]
    public void Of_AfterResetForAnotherTerm_ForgetsTheFormerTermsShares()
    {
        var sut = new TermShares();
        sut.Reset(idf: 3.5, titleWeight: 2.0, averageLength: 100);
        _ = sut.Of(1, 2, 90);

        sut.Reset(idf: 0.25, titleWeight: 2.0, averageLength: 120);

        Assert.Equal(FtsBm25.Score(0.25, 4.0, FtsBm25.Saturation(90, 120)), sut.Of(1, 2, 90));
    }
}
