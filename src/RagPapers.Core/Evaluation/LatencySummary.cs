namespace RagPapers.Evaluation;

/// <summary>Percentiles of a set of timings, by the nearest-rank method: p-th is the smallest value with at least p% of the samples at or below it.</summary>
public sealed record LatencySummary(int Count, TimeSpan P50, TimeSpan P95, TimeSpan Max, TimeSpan Mean)
{
    public static LatencySummary From(IReadOnlyCollection<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new LatencySummary(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        var sorted = samples.Order().ToArray();
        return new LatencySummary(
            sorted.Length,
            Percentile(sorted, 50),
            Percentile(sorted, 95),
            sorted[^1],
            TimeSpan.FromTicks((long)sorted.Average(s => s.Ticks)));
    }

    /// <summary>The nearest-rank percentile of an ascending array: element ⌈p/100 · n⌉ (1-based).</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> ascending, double percent)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        ArgumentOutOfRangeException.ThrowIfZero(ascending.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)Math.Ceiling(percent / 100 * ascending.Count);
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }
}
