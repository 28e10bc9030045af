using RagPapers.Ingestion;

namespace RagPapers.Cli.Rendering;

/// <summary>
/// An ingest progress bar on stderr, redrawn in place on a terminal. When stderr is redirected
/// (scripts, tests) it stays silent so the output is not littered with carriage returns.
/// </summary>
internal sealed class ConsoleProgressBar(string label, int total) : IProgress<IngestProgress>
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;

    public void Report(IngestProgress value)
    {
        if (!_interactive || total <= 0)
        {
            return;
        }

        var done = Math.Min(value.Processed, total);
        var filled = (int)Math.Round(Width * (double)done / total);
        Console.Error.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total}");
    }

    public void Complete()
    {
        if (_interactive && total > 0)
        {
            Console.Error.WriteLine();
        }
    }
}
