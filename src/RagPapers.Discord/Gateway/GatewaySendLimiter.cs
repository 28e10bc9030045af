namespace RagPapers.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's 120 sent events per 60 seconds (beyond it the Gateway disconnects, and
/// repeat offenders lose API access): a send waits until the oldest event in the window ages out. The last few
/// places are kept for heartbeats, which must never wait behind other payloads.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int HeartbeatReserve = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Waits until one more event may be sent now, and counts it.</summary>
    public async Task WaitAsync(bool isHeartbeat, CancellationToken cancellationToken = default)
    {
        for (var wait = TryTake(isHeartbeat); wait > TimeSpan.Zero; wait = TryTake(isHeartbeat))
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Zero when the event was counted, else how long until a place frees up.</summary>
    private TimeSpan TryTake(bool isHeartbeat)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= Window)
            {
                _sent.Dequeue();
            }

            var allowed = isHeartbeat ? Limit : Limit - HeartbeatReserve;
            if (_sent.Count < allowed)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            // The place frees up when the event at this index (and every older one) has left the window.
            return _sent.ElementAt(_sent.Count - allowed) + Window - now;
        }
    }
}
