using Microsoft.Extensions.Options;
using RagPapers.Answering;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Conversations;

/// <summary>
/// One conversation per channel or thread, so a follow-up /ask ("and the second one?") has the earlier turns.
/// In memory, bounded (Discord:MaxConversations, least recently used forgotten first) and expiring
/// (Discord:ConversationIdleMinutes). Turns in one channel run one at a time; channels run in parallel.
/// </summary>
internal sealed class ChannelConversations(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="use"/> with the channel's conversation, after any turn already running in that channel.</summary>
    public async Task<T> UseAsync<T>(string channelId, Func<Conversation, Task<T>> use, CancellationToken cancellationToken = default)
    {
        var entry = Acquire(channelId);
        await entry.Turn.WaitAsync(cancellationToken);
        try
        {
            return await use(entry.Conversation);
        }
        finally
        {
            entry.Touch(time.GetUtcNow());
            entry.Turn.Release();
        }
    }

    private Entry Acquire(string channelId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            ForgetIdle(now);
            if (!_entries.TryGetValue(channelId, out var entry))
            {
                if (_entries.Count >= options.Value.MaxConversations)
                {
                    _entries.Remove(_entries.MinBy(e => e.Value.LastUsed).Key);
                }

                entry = new Entry();
                _entries[channelId] = entry;
            }

            entry.Touch(now);
            return entry;
        }
    }

    private void ForgetIdle(DateTimeOffset now)
    {
        var idle = TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes);
        foreach (var key in _entries.Where(e => now - e.Value.LastUsed > idle).Select(e => e.Key).ToArray())
        {
            _entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        private long _lastUsedTicks;

        public Conversation Conversation { get; } = new();

        // Never disposed: a forgotten entry may still be in use by its last turn, and without a wait handle it holds nothing.
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
    }
}
