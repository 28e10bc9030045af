using RagPapers.Retrieval;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Retrieval;

public class TermSetTests
{
    [Fact]
    public void Of_Text_DistinctAnalyzedTermsInOrdinalOrder()
    {
        var sut = TermSet.Of("Videos of video diffusion; Zeolite and apples.");

        Assert.Equal(["apple", "diffusion", "video", "zeolite"], sut.All.ToArray());
    }

    [Theory]
    [InlineData("video", true)]
    [InlineData("vide", false)]
    [InlineData("videos", false)]
    [InlineData("zzz", false)]
    [InlineData("", false)]
    public void Contains_Term_OnlyWholeTerms(string term, bool expected) =>
        Assert.Equal(expected, TermSet.Of("Videos of video diffusion; zeolite and apples.").Contains(term));

    [Theory]
    [InlineData("diff", true)]
    [InlineData("diffusion", true)]
    [InlineData("diffusions", false)]
    [InlineData("zeo", true)]
    [InlineData("b", false)]
    [InlineData("zz", false)]
    public void HasTermStartingWith_Prefix_FoundWhereverItSorts(string prefix, bool expected) =>
        Assert.Equal(expected, TermSet.Of("Videos of video diffusion; zeolite and apples.").HasTermStartingWith(prefix));

    [Fact]
    public void Contains_EveryTermOfARealAbstract_Found()
    {
        var text = string.Join(" ", TestPapers.All.Select(p => p.Title + " " + p.Abstract));

        var sut = TermSet.Of(text);

        Assert.All(TextAnalyzer.Terms(text), t => Assert.True(sut.Contains(t), t));
    }
}
