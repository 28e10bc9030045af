using RagPapers.Indexing;

namespace RagPapers.Cli.Rendering;

/// <summary>The semantic index's progress on stderr, redrawn in place on a terminal and silent when stderr is redirected.</summary>
internal sealed class SemanticIndexProgressBar : IProgress<SemanticIndexStatus>
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private bool _drawn;

    public void Report(SemanticIndexStatus value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_interactive || value.Total <= 0)
        {
            return;
        }

        var done = Math.Min(value.Embedded, value.Total);
        var filled = (int)Math.Round(Width * (double)done / value.Total);
        Console.Error.Write($"\rsemantic index [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{value.Total}");
        _drawn = true;
    }

    /// <summary>Ends the bar's line, so what follows starts on its own.</summary>
    public void Complete()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
            _drawn = false;
        }
    }
}
