using RagPapers.Text;

namespace RagPapers.Core.Tests.Text;

public sealed class DisplayTextStreamTests
{
    private const string Latex = @"W2v-BERT shows~5\% to~10\% less WER [1] with {\it no} labels, tuned by $\alpha$ and $\beta_1$ (H\""older, ``naive'' 3--5).";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(1000)]
    public void Append_LatexCutIntoPiecesOfAnySize_ConcatenatesToTheCleanedWhole(int size)
    {
        var sut = new DisplayTextStream();

        var shown = string.Concat(Pieces(Latex, size).Select(sut.Append)) + sut.Flush();

        Assert.Equal("W2v-BERT shows 5% to 10% less WER [1] with no labels, tuned by α and β_1 (Hölder, \u201cnaive\u201d 3\u20135).", shown);
        Assert.Equal(DisplayText.CleanLines(Latex), shown);
    }

    [Fact]
    public void Append_MathCutMidCommand_ShowsNothingOfItUntilItCloses()
    {
        var sut = new DisplayTextStream();

        var first = sut.Append(@"tuned by $\al");
        var second = sut.Append(@"pha$ and more");

        Assert.Equal("tuned by ", first);
        Assert.Equal("α and more", second);
        Assert.Equal("", sut.Flush());
    }

    [Fact]
    public void Append_SeveralLinesWithIndentedItems_KeepsLineBreaksAndIndents()
    {
        const string text = "Two findings:\n- cuts WER by~5\\% [1]\n  - on $\\alpha$ runs [2]\nDone.";
        var sut = new DisplayTextStream();

        var shown = string.Concat(Pieces(text, 4).Select(sut.Append)) + sut.Flush();

        Assert.Equal("Two findings:\n- cuts WER by 5% [1]\n  - on α runs [2]\nDone.", shown);
    }

    [Fact]
    public void Append_PlainText_IsShownAsItComes()
    {
        var sut = new DisplayTextStream();

        var first = sut.Append("Plain answer te");

        Assert.Equal("Plain answer te", first);
        Assert.Equal("xt [1].", sut.Append("xt [1]."));
        Assert.Equal("", sut.Flush());
    }

    [Theory]
    [InlineData("3-", "-5 pages", "3\u20135 pages")]
    [InlineData("wav2vec~", "2.0 model", "wav2vec 2.0 model")]
    [InlineData("up to 5\\", "% less", "up to 5% less")]
    public void Append_LastWordThatMayStartMarkup_WaitsForTheNextPiece(string first, string second, string expected)
    {
        var sut = new DisplayTextStream();

        var shown = sut.Append(first) + sut.Append(second) + sut.Flush();

        Assert.Equal(expected, shown);
    }

    private static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
