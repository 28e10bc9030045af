using RagPapers.Papers;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

public class RelevanceScorerTests
{
    [Fact]
    public void Coverage_EveryTermPresent_One()
    {
        var sut = new RelevanceScorer("How do diffusion models generate videos?");

        Assert.Equal(1.0, sut.Coverage("Video diffusion models that generate long videos."), 10);
    }

    [Fact]
    public void Coverage_SomeTermsPresent_WeightedByTermLength()
    {
        // Terms graph (w = ln 6 = 1.7918) and diffusion (w = ln 10 = 2.3026); only diffusion occurs:
        // 2.3026 / (1.7918 + 2.3026) = 0.5624.
        var sut = new RelevanceScorer("graph diffusion");

        Assert.Equal(0.5624, sut.Coverage("Score-based diffusion for images"), 4);
    }

    [Fact]
    public void Coverage_MorphologicalVariant_HalfCredit()
    {
        // Query terms generat (ln 8 = 2.0794, variant of "generative": 0.5) and video (ln 6 = 1.7918, exact):
        // (0.5 × 2.0794 + 1.7918) / 3.8712 = 0.7314.
        var sut = new RelevanceScorer("generating videos");

        Assert.Equal(0.7314, sut.Coverage("A generative video model"), 4);
    }

    [Theory]
    [InlineData("reinforcment", "reinforcement", 0.5)]
    [InlineData("trasnformer", "transformer", 0.5)]
    [InlineData("transformers", "transformer", 1.0)]
    [InlineData("transfer", "transformer", 0.0)]
    [InlineData("gan", "gap", 0.0)]
    public void Coverage_OneTermQuery_ExactVariantOrNoMatch(string query, string text, double expected)
    {
        var sut = new RelevanceScorer(query);

        Assert.Equal(expected, sut.Coverage(text), 10);
    }

    [Fact]
    public void Coverage_QueryWithoutContentTerms_Zero()
    {
        var sut = new RelevanceScorer("what is it about?");

        Assert.Empty(sut.QueryTerms);
        Assert.Equal(0, sut.Coverage("anything at all"));
    }

    [Theory]
    [InlineData(0.10, 0.0)]
    [InlineData(0.30, 0.5)] // (0.30 − 0.15) / (0.45 − 0.15)
    [InlineData(0.60, 1.0)]
    public void DenseEvidence_Cosine_RampFromFloorToCeiling(double cosine, double expected)
    {
        var sut = new RelevanceScorer("anything");

        Assert.Equal(expected, sut.DenseEvidence(cosine), 10);
    }

    [Fact]
    public void Score_Paper_MixesTitleAndAbstractCoverageWithDenseEvidence()
    {
        // Coverage 0.5624 (diffusion is in the title, graph nowhere); dense (0.30 − 0.15) / 0.30 = 0.5:
        // 0.6 × 0.5624 + 0.4 × 0.5 = 0.5374.
        var paper = new Paper("p", "Diffusion Policies", "We control robots.", [], null, "test.txt");
        var sut = new RelevanceScorer("graph diffusion");

        Assert.Equal(0.5374, sut.Score(paper, bestCosine: 0.30), 4);
    }
}
