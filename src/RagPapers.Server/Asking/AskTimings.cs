using RagPapers.Server.Contracts;

namespace RagPapers.Server.Asking;

/// <summary>
/// Where the time of one ask went: retrieval (measured by <see cref="TimedRetriever"/>), the answer (from the end
/// of retrieval to the end of the answer, so a streaming or tool-calling writer is timed as the user waits for
/// it), and the total.
/// </summary>
internal sealed class AskTimings(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _retrievalTicks;
    private long _retrievalEnded;
    private long _finished;

    public TimeSpan Retrieval => TimeSpan.FromTicks(Interlocked.Read(ref _retrievalTicks));

    public TimeSpan Answer => Interlocked.Read(ref _retrievalEnded) is var ended and > 0
        ? time.GetElapsedTime(ended, End())
        : TimeSpan.Zero;

    public TimeSpan Total => time.GetElapsedTime(_started, End());

    public async Task<T> TimeRetrievalAsync<T>(Func<Task<T>> work)
    {
        var started = time.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            var ended = time.GetTimestamp();
            Interlocked.Add(ref _retrievalTicks, time.GetElapsedTime(started, ended).Ticks);
            Interlocked.Exchange(ref _retrievalEnded, ended);
        }
    }

    /// <summary>Stops the clock: the answer is complete.</summary>
    public void Finish() => Interlocked.CompareExchange(ref _finished, time.GetTimestamp(), 0);

    public AskTimingsDto ToDto() => new(Round(Retrieval), Round(Answer), Round(Total));

    private long End() => Interlocked.Read(ref _finished) is var finished and > 0 ? finished : time.GetTimestamp();

    private static double Round(TimeSpan span) => Math.Round(span.TotalMilliseconds, 2);
}
