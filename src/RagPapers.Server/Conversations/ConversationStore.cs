using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RagPapers.Answering;
using RagPapers.Server.Configuration;

namespace RagPapers.Server.Conversations;

/// <summary>
/// Server-side conversations, bounded so memory stays flat however many clients come: at most
/// Server:MaxConversations are kept (the least recently used goes first), one idle longer than
/// Server:ConversationIdleMinutes is forgotten, and each keeps at most Server:MaxTurnsPerConversation turns.
/// </summary>
/// <remarks>
/// A dictionary plus a recency list under one lock makes lookup, touch and eviction O(1); expired entries are
/// at the head of the list, so each call drops them without a timer. Questions in one conversation are
/// answered one at a time (the lease holds its gate), because a follow-up depends on the turn before it.
/// </remarks>
public sealed class ConversationStore(IOptions<ServerOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly ServerOptions _options = options.Value;

    /// <summary>Conversations held now (expired ones still count until the next call sweeps them).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="id"/> has the form of an id this store hands out (32 lowercase hex digits).</summary>
    public static bool IsWellFormedId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Whether the conversation exists and has not expired.</summary>
    public bool Contains(string id)
    {
        lock (_lock)
        {
            SweepExpired();
            return _byId.ContainsKey(id);
        }
    }

    /// <summary>
    /// The conversation <paramref name="id"/> (a new one when null), held exclusively until the lease is disposed;
    /// null when that id is unknown or expired.
    /// </summary>
    public async Task<ConversationLease?> AcquireAsync(string? id, CancellationToken cancellationToken = default)
    {
        var entry = id is null ? Create() : Find(id);
        if (entry is null)
        {
            return null;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        return new ConversationLease(entry.Id, entry.Conversation, () => Release(entry));
    }

    private Entry Create()
    {
        var entry = new Entry(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), new Conversation(_options.MaxTurnsPerConversation));
        lock (_lock)
        {
            SweepExpired();
            while (_byId.Count >= _options.MaxConversations && _recency.First is { } oldest)
            {
                Remove(oldest);
            }

            entry.LastUsed = time.GetUtcNow();
            _byId.Add(entry.Id, _recency.AddLast(entry));
        }

        return entry;
    }

    private Entry? Find(string id)
    {
        lock (_lock)
        {
            SweepExpired();
            if (!_byId.TryGetValue(id, out var node))
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
            if (_byId.TryGetValue(entry.Id, out var node))
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
        var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(_options.ConversationIdleMinutes);
        while (_recency.First is { } oldest && oldest.Value.LastUsed <= cutoff)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _byId.Remove(node.Value.Id);
    }

    private sealed class Entry(string id, Conversation conversation)
    {
        public string Id { get; } = id;

        public Conversation Conversation { get; } = conversation;

        // Never disposed: an evicted entry may still be held by a request, and without a wait handle there is nothing to free.
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastUsed { get; set; }
    }
}
