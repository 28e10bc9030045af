namespace RagPapers.Cli;

/// <summary>
/// Ctrl-C while a one-shot command waits for the semantic index: instead of the process dying mid-line, the wait is
/// cancelled (exit 130) and the batches already stored stay, so the next run resumes where this one stopped.
/// </summary>
internal sealed class InterruptScope : IDisposable
{
    private readonly CancellationTokenSource _cancel;

    public InterruptScope(CancellationToken outer)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Whether Ctrl-C cancelled a wait of this process: CommandRunner then exits 130.</summary>
    public static bool Interrupted { get; private set; }

    public CancellationToken Token => _cancel.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _cancel.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Interrupted = true;
        _cancel.Cancel();
    }
}
