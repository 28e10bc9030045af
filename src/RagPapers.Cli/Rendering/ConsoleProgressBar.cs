using System.Globalization;
using RagPapers.Ingestion;

namespace RagPapers.Cli.Rendering;

/// <summary>
/// Ingest progress with the count, the rate and the time left: a bar redrawn in place on a terminal; when the output is
/// redirected (scripts, logs), one plain line every <see cref="LineInterval"/> at most, so a long ingest shows it is
/// alive without littering short ones (tests) with carriage returns. How far the run is comes from the bytes of the
/// files read so far against their total size, known before reading starts, so no count of the records comes first.
/// </summary>
internal sealed class ConsoleProgressBar(string label, long totalBytes, TextWriter output, bool interactive, TimeProvider timeProvider)
    : IProgress<IngestProgress>
{
    /// <summary>How often a redirected output gets a line.</summary>
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);

    private const int Width = 30;
    private readonly long _started = timeProvider.GetTimestamp();
    private TimeSpan _lastLine;
    private bool _drawn;

    /// <summary>The bar on stderr, drawn in place when stderr is a terminal.</summary>
    public static ConsoleProgressBar OnStandardError(string label, long totalBytes) =>
        new(label, totalBytes, Console.Error, !Console.IsErrorRedirected, TimeProvider.System);

    public void Report(IngestProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var elapsed = timeProvider.GetElapsedTime(_started);
        if (interactive)
        {
            var filled = (int)Math.Round(Width * Fraction(value));
            output.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {Describe(value, elapsed)}  ");
            _drawn = true;
        }
        else if (elapsed - _lastLine >= LineInterval)
        {
            _lastLine = elapsed;
            output.WriteLine($"{label}: {Describe(value, elapsed)}");
        }
    }

    /// <summary>Ends the bar's line, so what follows starts on its own.</summary>
    public void Complete()
    {
        if (_drawn)
        {
            output.WriteLine();
        }
    }

    /// <summary>"12,345 records (2,310/s), 40% of 1,600 MB, ETA 0:01:04": the ETA once some bytes are read, none at the end.</summary>
    public string Describe(IngestProgress value, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rate = value.Processed / Math.Max(elapsed.TotalSeconds, 1e-3);
        var text = string.Create(CultureInfo.InvariantCulture, $"{value.Processed:N0} records ({rate:N0}/s)");
        if (totalBytes <= 0)
        {
            return text;
        }

        text += string.Create(CultureInfo.InvariantCulture, $", {Fraction(value) * 100:0}% of {Megabytes(totalBytes)}");
        return text + Eta(value.BytesRead, elapsed);
    }

    private double Fraction(IngestProgress value) => totalBytes <= 0 ? 0 : Math.Clamp((double)value.BytesRead / totalBytes, 0, 1);

    private static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 512 * 1024) / (1024 * 1024)):N0} MB");

    // The byte rate so far, applied to the bytes left: ingest speed barely changes as the store grows, and records of
    // a file are about the same size throughout.
    private string Eta(long bytesRead, TimeSpan elapsed)
    {
        if (bytesRead <= 0 || bytesRead >= totalBytes)
        {
            return "";
        }

        var left = TimeSpan.FromSeconds(elapsed.TotalSeconds * (totalBytes - bytesRead) / bytesRead);
        return string.Create(CultureInfo.InvariantCulture, $", ETA {(int)left.TotalHours}:{left.Minutes:D2}:{left.Seconds:D2}");
    }
}
