using RagPapers.Evaluation;

namespace RagPapers.Core.Tests.Evaluation;

public class LatencySummaryTests
{
    [Fact]
    public void From_OneToTenMilliseconds_NearestRankPercentiles()
    {
        // n = 10: p50 is element ⌈5⌉ = 5 ms, p95 element ⌈9.5⌉ = 10 ms; mean 5.5 ms.
        var samples = Enumerable.Range(1, 10).Reverse().Select(i => TimeSpan.FromMilliseconds(i)).ToArray();

        var sut = LatencySummary.From(samples);

        Assert.Equal(TimeSpan.FromMilliseconds(5), sut.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(10), sut.P95);
        Assert.Equal(TimeSpan.FromMilliseconds(10), sut.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(5.5), sut.Mean);
    }

    [Fact]
    public void From_NoSamples_AllZero()
    {
        var sut = LatencySummary.From([]);

        Assert.Equal(0, sut.Count);
        Assert.Equal(TimeSpan.Zero, sut.P95);
    }
}
