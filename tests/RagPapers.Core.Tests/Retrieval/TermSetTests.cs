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
    [InlineData("a", 0)]
    [InlineData("apple", 0)]
    [InlineData("b", 1)]
    [InlineData("diff", 1)]
    [InlineData("diffusion", 1)]
    [InlineData("diffusions", 2)]
    [InlineData("zeo", 3)]
    [InlineData("zz", 4)]
    public void LowerBound_Term_WhereItSortsAmongTheTerms(string term, int expected) =>
        Assert.Equal(expected, TermSet.Of("Videos of video diffusion; zeolite and apples.").LowerBound(term));

    [Theory]
    [InlineData(5, new[] { "apple", "video" })]
    [InlineData(7, new[] { "zeolite" })]
    [InlineData(9, new[] { "diffusion" })]
    [InlineData(6, new string[0])]
    [InlineData(0, new string[0])]
    [InlineData(40, new string[0])]
    public void OfLength_Length_TheTermsThatLong(int length, string[] expected) =>
        Assert.Equal(expected, TermSet.Of("Videos of video diffusion; zeolite and apples.").OfLength(length).ToArray().Order(StringComparer.Ordinal));

    [Fact]
    public void Contains_EveryTermOfARealAbstract_Found()
    {
        var text = string.Join(" ", TestPapers.All.Select(p => p.Title + " " + p.Abstract));

        var sut = TermSet.Of(text);

        Assert.All(TextAnalyzer.Terms(text), t => Assert.True(sut.Contains(t), t));
    }
}
