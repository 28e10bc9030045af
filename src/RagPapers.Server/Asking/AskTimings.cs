using RagPapers.Server.Contracts;

namespace RagPapers.Server.Asking;

/// <summary>Time spent by one ask in retrieval and in the writer, filled in by the timed decorators.</summary>
internal sealed class AskTimings(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _retrievalTicks;
    private long _answerTicks;

    public TimeSpan Retrieval => TimeSpan.FromTicks(Interlocked.Read(ref _retrievalTicks));

    public TimeSpan Answer => TimeSpan.FromTicks(Interlocked.Read(ref _answerTicks));

    public TimeSpan Total => time.GetElapsedTime(_started);

    public async Task<T> TimeRetrievalAsync<T>(Func<Task<T>> work) => await TimeAsync(work, t => Interlocked.Add(ref _retrievalTicks, t));

    public async Task<T> TimeAnswerAsync<T>(Func<Task<T>> work) => await TimeAsync(work, t => Interlocked.Add(ref _answerTicks, t));

    public AskTimingsDto ToDto() => new(Round(Retrieval), Round(Answer), Round(Total));

    private static double Round(TimeSpan span) => Math.Round(span.TotalMilliseconds, 2);

    private async Task<T> TimeAsync<T>(Func<Task<T>> work, Action<long> add)
    {
        var started = time.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            add(time.GetElapsedTime(started).Ticks);
        }
    }
}
