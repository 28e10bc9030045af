using RagPapers.Answering.FollowUps;

namespace RagPapers.Conversations;

/// <summary>
/// Conversations by key (a server-issued id, a Discord channel, the REPL's session), bounded so memory stays flat
/// however many users come: at most <see cref="ConversationLimits.MaxConversations"/> are kept (the least recently
/// used goes first), and one idle for <see cref="ConversationLimits.IdleTime"/> is forgotten.
/// </summary>
/// <remarks>
/// A dictionary plus a recency list under one lock makes lookup, touch and eviction O(1); expired entries are
/// at the head of the list, so each call drops them without a timer. Questions in one conversation are
/// answered one at a time (the lease holds its gate), because a follow-up depends on the turn before it.
/// </remarks>
public sealed class ConversationStore(ConversationLimits limits, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

    /// <summary>Conversations held now (expired ones still count until the next call sweeps them).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>Whether the conversation exists and has not expired.</summary>
    public bool Contains(string key)
    {
        lock (_lock)
        {
            SweepExpired();
            return _byKey.ContainsKey(key);
        }
    }

    /// <summary>The conversation <paramref name="key"/>, held exclusively until the lease is disposed; null when it is unknown or expired.</summary>
    public async Task<ConversationLease?> AcquireExistingAsync(string key, CancellationToken cancellationToken = default) =>
        Find(key) is { } entry ? await LeaseAsync(entry, cancellationToken) : null;

    /// <summary>The conversation <paramref name="key"/>, started afresh when it is unknown or expired, held exclusively until the lease is disposed.</summary>
    public async Task<ConversationLease> AcquireAsync(string key, CancellationToken cancellationToken = default) =>
        await LeaseAsync(Find(key) ?? Create(key), cancellationToken);

    /// <summary>Forgets the conversation <paramref name="key"/> (a user asked to start over).</summary>
    public void Forget(string key)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                Remove(node);
            }
        }
    }

    private async Task<ConversationLease> LeaseAsync(Entry entry, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken);
        return new ConversationLease(entry.Key, entry.Conversation, () => Release(entry));
    }

    private Entry Create(string key)
    {
        var entry = new Entry(key, new Conversation(limits.MaxTurns));
        lock (_lock)
        {
            SweepExpired();
            if (_byKey.TryGetValue(key, out var raced))
            {
                Touch(raced);
                return raced.Value;
            }

            while (_byKey.Count >= limits.MaxConversations && _recency.First is { } oldest)
            {
                Remove(oldest);
            }

            entry.LastUsed = time.GetUtcNow();
            _byKey.Add(key, _recency.AddLast(entry));
        }

        return entry;
    }

    private Entry? Find(string key)
    {
        lock (_lock)
        {
            SweepExpired();
            if (!_byKey.TryGetValue(key, out var node))
            {
                return null;
            }

            Touch(node);
            return node.Value;
        }
    }

    private void Release(Entry entry)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(entry.Key, out var node) && ReferenceEquals(node.Value, entry))
            {
                Touch(node); // the answer may have taken a while: idle time counts from its end
            }
        }

        entry.Gate.Release();
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        node.Value.LastUsed = time.GetUtcNow();
        _recency.Remove(node);
        _recency.AddLast(node);
    }

    private void SweepExpired()
    {
        if (limits.IdleTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var cutoff = time.GetUtcNow() - limits.IdleTime;
        while (_recency.First is { } oldest && oldest.Value.LastUsed <= cutoff)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _byKey.Remove(node.Value.Key);
    }

    private sealed class Entry(string key, Conversation conversation)
    {
        public string Key { get; } = key;

        public Conversation Conversation { get; } = conversation;

        // Never disposed: an evicted entry may still be held by a request, and without a wait handle there is nothing to free.
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastUsed { get; set; }
    }
}
