using RagPapers.Answering.Contracts;

namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>
/// An answer writer (our own seam) named "gate" that never finishes on its own: it signals when an ask reaches it
/// and records when the ask's token is cancelled, so a test can see the server stop the work.
/// </summary>
public sealed class GateWriter : IAnswerWriter
{
    private TaskCompletionSource _entered = New();
    private TaskCompletionSource _cancelled = New();

    public string Name => "gate";

    public Task Entered => _entered.Task;

    public Task Cancelled => _cancelled.Task;

    /// <summary>Arms the writer for the next ask.</summary>
    public void Reset()
    {
        _entered = New();
        _cancelled = New();
    }

    public async Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        var cancelled = _cancelled;
        _entered.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            cancelled.TrySetResult();
            throw;
        }

        throw new InvalidOperationException("unreachable: an infinite delay ended without cancellation");
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
