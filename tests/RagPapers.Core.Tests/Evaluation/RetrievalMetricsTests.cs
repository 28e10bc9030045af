using RagPapers.Evaluation;

namespace RagPapers.Core.Tests.Evaluation;

public class RetrievalMetricsTests
{
    private static Dictionary<string, int> Judged(params (string Doc, int Grade)[] grades) => grades.ToDictionary(g => g.Doc, g => g.Grade);

    [Fact]
    public void NdcgAt_OneOfTwoRelevantAtRankTwo_DiscountedAgainstTheIdealPair()
    {
        // dcg = 1/log2(3) = 0.630930; ideal [1, 1] = 1 + 0.630930 = 1.630930; 0.630930 / 1.630930 = 0.386853.
        var sut = RetrievalMetrics.NdcgAt(["a", "b", "c"], Judged(("b", 1), ("d", 1)), 10);

        Assert.Equal(0.386853, sut, 6);
    }

    [Fact]
    public void NdcgAt_GradedJudgements_UsesTheGradeAsLinearGain()
    {
        // ranking [c, a]: dcg = 1/1 + 2/log2(3) = 2.261860; ideal [2, 1] = 2 + 1/log2(3) = 2.630930; ratio 0.859719.
        var sut = RetrievalMetrics.NdcgAt(["c", "a"], Judged(("a", 2), ("c", 1), ("x", 0)), 10);

        Assert.Equal(0.859719, sut, 6);
    }

    [Fact]
    public void NdcgAt_RelevantDocumentBelowTheCutOff_CountsNothing()
    {
        var sut = RetrievalMetrics.NdcgAt(["a", "b", "c"], Judged(("c", 1)), 2);

        Assert.Equal(0, sut);
    }

    [Fact]
    public void RecallAt_TwoOfThreeRelevantWithinK_IsTwoThirds()
    {
        // relevant {a, c, e}; top 3 = [a, b, c] holds a and c: 2/3. A grade of 0 is judged non-relevant.
        var sut = RetrievalMetrics.RecallAt(["a", "b", "c", "e"], Judged(("a", 1), ("c", 1), ("e", 1), ("b", 0)), 3);

        Assert.Equal(2.0 / 3, sut, 10);
    }

    [Fact]
    public void MrrAt_FirstRelevantAtRankThree_IsOneThird()
    {
        Assert.Equal(1.0 / 3, RetrievalMetrics.MrrAt(["a", "b", "c", "d"], Judged(("c", 1), ("d", 1)), 10), 10);
        Assert.Equal(0, RetrievalMetrics.MrrAt(["a", "b", "c"], Judged(("c", 1)), 2));
    }

    [Fact]
    public void Score_QueryMissingFromTheRun_ScoresZeroAndCountsAsMissing()
    {
        // q1: relevant d1 at rank 1 → nDCG 1, recall 1, MRR 1; q2 absent → 0; q3 has only grade 0 → not scored.
        // Averages over q1 and q2: 0.5 each.
        var run = new TrecRun();
        run.Add("q1", "d1", 2.0);
        run.Add("q1", "d2", 1.0);
        var qrels = Qrels.From([("q1", "d1", 1), ("q2", "d3", 1), ("q3", "d1", 0)]);

        var sut = RetrievalMetrics.Score(run, qrels);

        Assert.Equal((0.5, 0.5, 0.5, 2, 1), (sut.Ndcg, sut.Recall, sut.Mrr, sut.QueriesScored, sut.QueriesMissing));
    }

    [Fact]
    public void Ranking_TiedScoresAndRepeats_OrdersAsTrecEval()
    {
        // Score descending; the tie between d10 and d9 goes to the larger id ("d9" > "d10" ordinally); d1 repeated keeps its best score.
        var sut = new TrecRun();
        sut.Add("q", "d1", 0.5);
        sut.Add("q", "d10", 0.7);
        sut.Add("q", "d9", 0.7);
        sut.Add("q", "d1", 0.9);

        Assert.Equal(["d1", "d9", "d10"], sut.Ranking("q")!);
        Assert.Null(sut.Ranking("other"));
    }

    [Fact]
    public async Task WriteAsync_Scores_RoundTripExactly()
    {
        var sut = new TrecRun();
        sut.Add("q", "d", 1.0 / 3);
        using var writer = new StringWriter();

        await sut.WriteAsync(writer, "tag");

        var columns = writer.ToString().TrimEnd().Split('\t');
        Assert.Equal(["q", "Q0", "d", "1"], columns[..4]);
        Assert.Equal(1.0 / 3, double.Parse(columns[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("tag", columns[5]);
    }
}
