using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

public class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_ItemInBothLists_SumsReciprocalRanks()
    {
        // k = 60: a = 1/61 + 1/62 = 0.032522, c = 1/63 + 1/61 = 0.032266, b = 1/62 = 0.016129.
        var lists = new[] { new RankedList<string>(["a", "b", "c"], 1), new RankedList<string>(["c", "a"], 1) };

        var sut = ReciprocalRankFusion.Fuse(lists, k: 60);

        Assert.Equal(["a", "c", "b"], sut.Select(s => s.Item));
        Assert.Equal(0.032522, sut[0].Score, 6);
        Assert.Equal(0.032266, sut[1].Score, 6);
        Assert.Equal(0.016129, sut[2].Score, 6);
    }

    [Fact]
    public void Fuse_Weights_ScaleEachListsContribution()
    {
        // k = 10: x = 0.8 / 11 = 0.072727 (keyword rank 1), y = 0.2 / 11 = 0.018182 (dense rank 1).
        var lists = new[] { new RankedList<string>(["x"], 0.8), new RankedList<string>(["y"], 0.2) };

        var sut = ReciprocalRankFusion.Fuse(lists, k: 10);

        Assert.Equal(0.072727, sut[0].Score, 6);
        Assert.Equal(0.018182, sut[1].Score, 6);
    }

    [Fact]
    public void Fuse_TiedScores_KeepOrderOfFirstAppearance()
    {
        // p and q both score 1/(10 + 1); p was seen first (first list).
        var lists = new[] { new RankedList<string>(["p"], 1), new RankedList<string>(["q"], 1) };

        var sut = ReciprocalRankFusion.Fuse(lists, k: 10);

        Assert.Equal(["p", "q"], sut.Select(s => s.Item));
    }

    [Fact]
    public void Fuse_DuplicateWithinOneList_CountsOnlyItsBestRank()
    {
        // a = 1/(10 + 1) = 0.090909, not 1/11 + 1/12.
        var sut = ReciprocalRankFusion.Fuse([new RankedList<string>(["a", "a"], 1)], k: 10);

        Assert.Equal(0.090909, Assert.Single(sut).Score, 6);
    }

    [Fact]
    public void Fuse_Comparer_MergesItemsItCallsEqual()
    {
        // "A" and "a" are one item under ignore-case: 2 × 1/(10 + 1) = 0.181818.
        var lists = new[] { new RankedList<string>(["A"], 1), new RankedList<string>(["a"], 1) };

        var sut = ReciprocalRankFusion.Fuse(lists, k: 10, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(0.181818, Assert.Single(sut).Score, 6);
    }

    [Fact]
    public void Fuse_ItemsMergedByComparer_KeepsTheInstanceSeenFirst()
    {
        // The keyword list's hit carries the passage text the reader sees; the dense list's copy of it must not replace it.
        var lists = new[] { new RankedList<string>(["b", "A"], 1), new RankedList<string>(["a", "A", "b"], 1) };

        var sut = ReciprocalRankFusion.Fuse(lists, k: 10, StringComparer.OrdinalIgnoreCase);

        // A = 1/12 + 1/11 (its duplicate at rank 2 of the second list not counted), b = 1/11 + 1/13.
        Assert.Equal(["A", "b"], sut.Select(s => s.Item));
        Assert.Equal([Math.Round(1.0 / 12 + 1.0 / 11, 6), Math.Round(1.0 / 11 + 1.0 / 13, 6)], sut.Select(s => Math.Round(s.Score, 6)));
    }

    [Fact]
    public void Fuse_NoLists_Empty()
    {
        Assert.Empty(ReciprocalRankFusion.Fuse(Array.Empty<RankedList<string>>(), k: 60));
    }
}
