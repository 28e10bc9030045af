using System.Globalization;

namespace RagPapers.LoadTest;

/// <summary>Throughput, latency percentiles and errors of one scenario run.</summary>
internal sealed record LoadResult(string Scenario, int Requests, int Connections, TimeSpan Elapsed, double[] Latencies, int Errors, string FirstError)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var sorted = Latencies.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public string Describe()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Scenario,-7} {Requests,7} requests, {Connections} connections: {RequestsPerSecond,7:0} req/s; latency p50 {Percentile(50):0.00} ms, p90 {Percentile(90):0.00} ms, p99 {Percentile(99):0.00} ms, max {Latencies.Max():0.0} ms; errors {Errors}");
        return Errors > 0 ? $"{line} (first: {FirstError[..Math.Min(FirstError.Length, 200)]})" : line;
    }
}
