using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// The heartbeat of one connection: the first after interval × jitter, then one every interval, each checked for
/// its ACK before the next goes out. A beat still unacknowledged when the next is due means a zombie connection.
/// Times are kept as due dates, so a late wake-up does not shift the schedule.
/// </summary>
internal sealed class HeartbeatLoop(Func<CancellationToken, Task> beat, TimeProvider time, ILogger logger)
{
    private int _awaitingAck;
    private long _sentAt;

    /// <summary>Beats until canceled; returns when a beat went unacknowledged (the caller closes the connection).</summary>
    public async Task RunAsync(TimeSpan interval, double jitter, CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() + (interval * jitter);
        while (true)
        {
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            if (Volatile.Read(ref _awaitingAck) == 1)
            {
                return;
            }

            await BeatAsync(cancellationToken);
            due += interval;
            if (due <= time.GetUtcNow())
            {
                due = time.GetUtcNow() + interval; // the process slept through beats: do not send a burst
            }
        }
    }

    /// <summary>Discord asked for a heartbeat (op 1): one goes out at once, off schedule.</summary>
    public Task BeatAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _awaitingAck, 1); // before sending: the ACK may arrive before the send returns
        Interlocked.Exchange(ref _sentAt, time.GetTimestamp());
        return beat(cancellationToken);
    }

    public void Acknowledge()
    {
        Volatile.Write(ref _awaitingAck, 0);
        Log.HeartbeatAcknowledged(logger, time.GetElapsedTime(Interlocked.Read(ref _sentAt)).TotalMilliseconds);
    }
}
