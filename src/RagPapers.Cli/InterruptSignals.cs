using System.Runtime.InteropServices;

namespace RagPapers.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for the whole process: the first cancels <see cref="Token"/>, which every command
/// runs under, so it stops and exits 130 with its open transaction rolled back; a command still running
/// <see cref="GracePeriod"/> later (blocked in a read of the console, say) is ended with 130, as is a second signal.
/// The chat can intercept Ctrl-C to cancel one answer instead (<see cref="Intercept"/>).
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    /// <summary>How long a command has to stop by itself after a signal.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMilliseconds(500);

    private static InterruptSignals? _current;

    private readonly CancellationTokenSource _interrupted = new();
    private readonly PosixSignalRegistration[] _registrations;
    private Func<bool>? _intercept;
    private int _signals;

    private InterruptSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first Ctrl-C or SIGTERM that nothing intercepted.</summary>
    public CancellationToken Token => _interrupted.Token;

    /// <summary>Takes over SIGINT and SIGTERM until disposed.</summary>
    public static InterruptSignals Install() => _current = new InterruptSignals();

    /// <summary>
    /// Lets <paramref name="handler"/> see Ctrl-C first until the result is disposed: when it returns true the
    /// signal was handled (an answer cancelled) and the command goes on; when false the command is interrupted.
    /// SIGTERM is never intercepted.
    /// </summary>
    public static IDisposable Intercept(Func<bool> handler)
    {
        var current = _current;
        if (current is null)
        {
            return EmptyScope.Instance; // not installed (tests that run a command in process)
        }

        current._intercept = handler;
        return new InterceptScope(current);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _interrupted.Dispose();
        Interlocked.CompareExchange(ref _current, null, this);
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the default would kill the process at once, mid-write
        if (context.Signal == PosixSignal.SIGINT && Volatile.Read(ref _intercept) is { } intercept && intercept())
        {
            return;
        }

        if (Interlocked.Increment(ref _signals) > 1)
        {
            Environment.Exit(ExitCodes.Cancelled);
        }

        _interrupted.Cancel();
        _ = ExitAfterGraceAsync();
    }

    private static async Task ExitAfterGraceAsync()
    {
        await Task.Delay(GracePeriod);

        // Still running: SQLite rolls back whatever transaction the process dies in, so nothing is half written.
        Console.Error.WriteLine("error: interrupted");
        Environment.Exit(ExitCodes.Cancelled);
    }

    private sealed class InterceptScope(InterruptSignals signals) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref signals._intercept, null);
    }

    private sealed class EmptyScope : IDisposable
    {
        public static readonly EmptyScope Instance = new();

        public void Dispose()
        {
        }
    }
}
