using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Retrieval;

public class PaperAggregatorTests
{
    private static ChunkHit Hit(string paper, int ordinal, double score) => new(paper, ordinal, $"{paper}#{ordinal}", score);

    [Fact]
    public void Aggregate_SeveralChunks_BestPlusDiminishingBonus()
    {
        // 0.05 + 0.2 × 0.03 + 0.2² × 0.02 = 0.05 + 0.006 + 0.0008 = 0.0568.
        var sut = PaperAggregator.Aggregate([Hit("p", 2, 0.03), Hit("p", 0, 0.05), Hit("p", 1, 0.02)]);

        var paper = Assert.Single(sut);
        Assert.Equal(0.0568, paper.Score, 10);
        Assert.Equal([0, 2, 1], paper.Passages.Select(p => p.Ordinal));
        Assert.Equal([0.05, 0.03, 0.02], paper.Passages.Select(p => p.Score));
    }

    [Fact]
    public void Aggregate_OneStrongChunkAgainstManyWeakOnes_StrongWins()
    {
        // a = 0.05; b = 0.04 + 0.2 × 0.04 + 0.04 × 0.04 = 0.0496: volume alone does not win.
        var sut = PaperAggregator.Aggregate([Hit("b", 0, 0.04), Hit("b", 1, 0.04), Hit("b", 2, 0.04), Hit("a", 0, 0.05)]);

        Assert.Equal(["a", "b"], sut.Select(p => p.PaperId));
        Assert.Equal(0.0496, sut[1].Score, 10);
    }

    [Fact]
    public void Aggregate_EqualBestChunks_SecondMatchBreaksTheTie()
    {
        // a = 0.05; b = 0.05 + 0.2 × 0.01 = 0.052.
        var sut = PaperAggregator.Aggregate([Hit("a", 0, 0.05), Hit("b", 0, 0.05), Hit("b", 1, 0.01)]);

        Assert.Equal(["b", "a"], sut.Select(p => p.PaperId));
        Assert.Equal(0.052, sut[0].Score, 10);
    }

    [Fact]
    public void Aggregate_SameChunkTwice_CountsOnce()
    {
        var sut = PaperAggregator.Aggregate([Hit("a", 0, 0.05), Hit("a", 0, 0.04)]);

        Assert.Equal(0.05, Assert.Single(sut).Score, 10);
    }

    [Fact]
    public void Aggregate_TiedPapers_KeepOrderOfFirstAppearance()
    {
        var sut = PaperAggregator.Aggregate([Hit("z", 0, 0.03), Hit("a", 0, 0.03)]);

        Assert.Equal(["z", "a"], sut.Select(p => p.PaperId));
    }
}
