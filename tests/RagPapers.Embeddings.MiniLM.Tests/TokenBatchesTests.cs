using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.Embeddings.MiniLM.Tests;

public sealed class TokenBatchesTests
{
    [Fact]
    public void Plan_MixedLengths_ShortestFirstAndNoBatchOverTheBudget()
    {
        // Sorted: 10 (#1), 10 (#3), 20 (#4), 90 (#0), 100 (#2). Budget 100: three texts padded to 20 = 60 fit, a fourth
        // padded to 90 would be 360; 90 alone; 100 alone.
        int[] lengths = [90, 10, 100, 10, 20];

        var sut = TokenBatches.Plan(lengths, budget: 100);

        Assert.Equal([[1, 3, 4], [0], [2]], sut);
    }

    [Fact]
    public void Plan_TextLongerThanTheBudget_BatchOfItsOwn()
    {
        var sut = TokenBatches.Plan([300, 5], budget: 256);

        Assert.Equal([[1], [0]], sut);
    }

    [Fact]
    public void Plan_BudgetOne_EveryTextAlone()
    {
        var sut = TokenBatches.Plan([3, 2, 1], budget: 1);

        Assert.Equal([[2], [1], [0]], sut);
    }
}
