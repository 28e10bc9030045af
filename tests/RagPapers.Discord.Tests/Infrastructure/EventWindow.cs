namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>Counts events in a sliding window, as Discord counts what a connection sends (120 per 60 s).</summary>
internal sealed class EventWindow(TimeProvider time, int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _events = new();

    /// <summary>Counts one event now; false when that makes more than the limit within the window.</summary>
    public bool Add()
    {
        var now = time.GetUtcNow();
        _events.Enqueue(now);
        while (now - _events.Peek() >= window)
        {
            _events.Dequeue();
        }

        return _events.Count <= limit;
    }
}
