using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>TopChunks.BestScored passes over blocks of slots that cannot enter in one vector comparison: the best must stay those a full sort gives.</summary>
public sealed class TopChunksTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(7, 300)]
    [InlineData(1003, 300)]
    [InlineData(20_011, 300)]
    public void BestScored_TiesZerosAndSkipsAcrossBlocks_SameAsSortingAllScoredSlots(int size, int top)
    {
        // Scores from a handful of values (many ties, many zeros), so blocks hold ties of the worst kept and slots that only tie it.
        var random = new Random(size);
        var scores = Enumerable.Range(0, size).Select(_ => random.Next(4) == 0 ? random.Next(1, 6) * 0.5 : 0.0).ToArray();
        var skip = Enumerable.Range(0, size).Where(s => s % 13 == 5).ToHashSet();

        var sut = TopChunks.BestScored(scores, top, skip);

        var expected = Enumerable.Range(0, size).Where(s => scores[s] > 0 && !skip.Contains(s))
            .OrderByDescending(s => scores[s]).ThenBy(s => s).Take(top);
        Assert.Equal(expected, sut);
    }
}
