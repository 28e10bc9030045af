using Microsoft.Extensions.Logging;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// Keeps new sessions within Discord's session start limit, from GET /gateway/bot: at most `remaining` Identifies
/// until `reset_after` (1,000 a day; past it Discord resets the bot's token), and `max_concurrency` per 5 seconds.
/// Resumes do not count.
/// </summary>
internal sealed class IdentifyLimiter(TimeProvider time, ILogger<IdentifyLimiter> logger)
{
    public static readonly TimeSpan ConcurrencyWindow = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _remaining = 1;
    private int _total = 1_000;
    private int _maxConcurrency = 1;
    private DateTimeOffset _resetAt;

    /// <summary>Takes what Discord just said about the limit.</summary>
    public void Update(SessionStartLimit limit)
    {
        lock (_gate)
        {
            _remaining = limit.Remaining;
            _total = limit.Total;
            _maxConcurrency = Math.Max(limit.MaxConcurrency, 1);
            _resetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, 0));
        }
    }

    /// <summary>Waits until one more Identify is allowed, then counts it.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken = default)
    {
        while (TryTake() is { } wait)
        {
            var delay = Task.Delay(wait.Delay, time, cancellationToken); // armed before the log line, which tests wait for
            Log.IdentifyWaiting(logger, wait.Delay.TotalSeconds, wait.Reason);
            await delay;
        }
    }

    private (TimeSpan Delay, string Reason)? TryTake()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_remaining <= 0 && now < _resetAt)
            {
                return (_resetAt - now, $"the bot has used all {_total} new sessions Discord allows a day (session start limit); going over would reset its token");
            }

            while (_recent.Count > 0 && now - _recent.Peek() >= ConcurrencyWindow)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= _maxConcurrency)
            {
                return (_recent.Peek() + ConcurrencyWindow - now, $"Discord allows {_maxConcurrency} Identify per 5 seconds (max_concurrency)");
            }

            // Past the reset the count is new; Discord's next answer to GET /gateway/bot will say exactly.
            _remaining = _remaining <= 0 ? _total - 1 : _remaining - 1;
            _recent.Enqueue(now);
            return null;
        }
    }
}
