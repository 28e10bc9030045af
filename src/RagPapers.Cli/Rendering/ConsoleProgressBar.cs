using System.Diagnostics;
using System.Globalization;
using RagPapers.Ingestion;

namespace RagPapers.Cli.Rendering;

/// <summary>
/// Ingest progress on stderr with the rate and, when the total is known, the time left: a bar redrawn in place on a
/// terminal; when stderr is redirected (scripts, logs), one plain line every <see cref="LineInterval"/> at most, so a
/// long ingest shows it is alive without littering short ones (tests) with carriage returns.
/// </summary>
internal sealed class ConsoleProgressBar(string label, int total) : IProgress<IngestProgress>
{
    private const int Width = 30;
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly long _started = Stopwatch.GetTimestamp();
    private TimeSpan _lastLine;

    public void Report(IngestProgress value)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        if (_interactive && total > 0)
        {
            var done = Math.Min(value.Processed, total);
            var filled = (int)Math.Round(Width * (double)done / total);
            Console.Error.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {Rate(value.Processed, elapsed)}{Eta(done, elapsed)}  ");
        }
        else if (!_interactive && elapsed - _lastLine >= LineInterval)
        {
            _lastLine = elapsed;
            Console.Error.WriteLine($"{label}: {value.Processed.ToString("N0", CultureInfo.InvariantCulture)} records {Rate(value.Processed, elapsed)}{Eta(value.Processed, elapsed)}");
        }
    }

    public void Complete()
    {
        if (_interactive && total > 0)
        {
            Console.Error.WriteLine();
        }
    }

    private static string Rate(int done, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"({done / Math.Max(elapsed.TotalSeconds, 1e-3):N0}/s)");

    // The rate so far, applied to what is left: ingest speed barely changes as the store grows.
    private string Eta(int done, TimeSpan elapsed)
    {
        if (total <= 0 || done <= 0 || done >= total)
        {
            return "";
        }

        var left = TimeSpan.FromSeconds(elapsed.TotalSeconds * (total - done) / done);
        return string.Create(CultureInfo.InvariantCulture, $" ETA {(int)left.TotalHours}:{left.Minutes:D2}:{left.Seconds:D2}");
    }
}
