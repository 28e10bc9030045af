using RagPapers.Papers;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

public class PaperTermCacheTests
{
    private static readonly Paper Paper = new("p", "Graph Diffusion", "Diffusion over molecules.", [], null, "a.txt");

    [Fact]
    public void Get_SamePaperReadAgain_AnalyzedOnce()
    {
        var sut = new PaperTermCache();

        var first = sut.Get(Paper);
        var again = sut.Get(Paper with { Authors = ["Someone"] }); // a fresh read of the same text

        Assert.Same(first, again);
    }

    [Fact]
    public void Get_AbstractRewrittenInTheStore_AnalyzesTheNewText()
    {
        var sut = new PaperTermCache();
        Assert.True(sut.Get(Paper).Contains("molecule"));

        var rewritten = sut.Get(Paper with { Abstract = "Diffusion over proteins." });

        Assert.False(rewritten.Contains("molecule"));
        Assert.True(rewritten.Contains("protein"));
        Assert.Same(rewritten, sut.Get(Paper with { Abstract = "Diffusion over proteins." }));
    }

    [Fact]
    public void Get_TitleRewrittenInTheStore_AnalyzesTheNewText()
    {
        var sut = new PaperTermCache();
        sut.Get(Paper);

        var rewritten = sut.Get(Paper with { Title = "Score Matching" });

        Assert.True(rewritten.Contains("score"));
        Assert.False(rewritten.Contains("graph"));
    }

    [Fact]
    public void Get_MorePapersThanCapacity_StartsOverAndStaysCorrect()
    {
        var sut = new PaperTermCache(capacity: 2);
        sut.Get(Paper with { Id = "a" });
        sut.Get(Paper with { Id = "b" });

        var third = sut.Get(Paper with { Id = "c", Abstract = "Zeolites." });

        Assert.Equal(1, sut.Count);
        Assert.True(third.Contains("zeolite"));
        Assert.True(sut.Get(Paper with { Id = "a" }).Contains("molecule"));
    }

    [Fact]
    public void Get_TwoPapersWithATermInCommon_ShareOneString()
    {
        var sut = new PaperTermCache();

        var first = sut.Get(Paper with { Id = "a" }).All.ToArray().Single(t => t == "diffusion");
        var second = sut.Get(Paper with { Id = "b", Title = "Other" }).All.ToArray().Single(t => t == "diffusion");

        Assert.Same(first, second);
    }

    [Fact]
    public void Get_SameAsAnalyzingThePaper()
    {
        var sut = new PaperTermCache();

        Assert.Equal(RelevanceScorer.TermsOf(Paper).All.ToArray(), sut.Get(Paper).All.ToArray());
    }
}
