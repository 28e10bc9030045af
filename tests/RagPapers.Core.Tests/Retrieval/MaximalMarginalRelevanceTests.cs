using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

public class MaximalMarginalRelevanceTests
{
    // Candidates 0 and 1 are near duplicates (cosine 0.95); 2 is different (0.1 to both).
    private static double Similarity(int a, int b) => (Math.Min(a, b), Math.Max(a, b)) == (0, 1) ? 0.95 : 0.1;

    [Fact]
    public void Select_NearDuplicate_DistinctCandidateComesSecond()
    {
        // Relevance [1.0, 0.9, 0.5] normalizes to [1, 0.8, 0]. First pick: 0 (nothing selected yet).
        // Then, λ = 0.5: candidate 1 = 0.5 × 0.8 − 0.5 × 0.95 = −0.075; candidate 2 = 0.5 × 0 − 0.5 × 0.1 = −0.05 → 2.
        var sut = MaximalMarginalRelevance.Select([1.0, 0.9, 0.5], Similarity, k: 3, lambda: 0.5);

        Assert.Equal([0, 2, 1], sut);
    }

    [Fact]
    public void Select_LambdaOne_PureRelevanceOrder()
    {
        var sut = MaximalMarginalRelevance.Select([0.2, 0.9, 0.5], Similarity, k: 3, lambda: 1);

        Assert.Equal([1, 2, 0], sut);
    }

    [Fact]
    public void Select_HighLambda_KeepsStrongNearDuplicate()
    {
        // λ = 0.9: candidate 1 = 0.9 × 0.8 − 0.1 × 0.95 = 0.625; candidate 2 = 0 − 0.1 × 0.1 = −0.01 → 1.
        var sut = MaximalMarginalRelevance.Select([1.0, 0.9, 0.5], Similarity, k: 2, lambda: 0.9);

        Assert.Equal([0, 1], sut);
    }

    [Fact]
    public void Select_KBeyondCandidates_ReturnsEveryCandidateOnce()
    {
        Assert.Equal([0, 1], MaximalMarginalRelevance.Select([0.5, 0.4], Similarity, k: 10, lambda: 0.8));
        Assert.Empty(MaximalMarginalRelevance.Select([0.5, 0.4], Similarity, k: 0, lambda: 0.8));
        Assert.Empty(MaximalMarginalRelevance.Select([], Similarity, k: 3, lambda: 0.8));
    }

    [Fact]
    public void Normalize_Scores_MinMaxToUnitRange()
    {
        // (0.02 − 0.01) / (0.03 − 0.01) = 0.5.
        var sut = MaximalMarginalRelevance.Normalize([0.03, 0.02, 0.01]);

        Assert.Equal(1.0, sut[0], 10);
        Assert.Equal(0.5, sut[1], 10);
        Assert.Equal(0.0, sut[2], 10);
        Assert.Equal([1.0, 1.0], MaximalMarginalRelevance.Normalize([0.4, 0.4]));
    }
}
