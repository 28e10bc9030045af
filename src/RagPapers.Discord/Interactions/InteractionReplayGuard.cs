using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Interactions;

/// <summary>
/// Refuses an interaction id already received: a signed request replayed within the timestamp window passes the
/// signature and clock checks, and would otherwise be answered again (another deferred reply, another answer).
/// An id is remembered for twice the window, past which the clock check refuses its replays on its own.
/// </summary>
internal sealed class InteractionReplayGuard(IOptions<DiscordOptions> options, TimeProvider time)
{
    // Only requests signed by Discord get here, so this bounds memory against Discord's own rate, not an attacker's.
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeSpan _memory = TimeSpan.FromSeconds(2 * options.Value.MaxTimestampSkewSeconds);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time an id is seen (and remembers it), false for a replay.</summary>
    public bool TryAccept(string interactionId)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        if (_seen.TryGetValue(interactionId, out var forgetAt) && forgetAt > now)
        {
            return false;
        }

        _seen[interactionId] = now + _memory;
        return true;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep && _seen.Count < MaxRemembered)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromSeconds(10);
        foreach (var (id, forgetAt) in _seen)
        {
            if (forgetAt <= now)
            {
                _seen.TryRemove(id, out _);
            }
        }
    }
}
