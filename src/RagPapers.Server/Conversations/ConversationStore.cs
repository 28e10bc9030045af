using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RagPapers.Conversations;
using RagPapers.Server.Configuration;
using SharedStore = RagPapers.Conversations.ConversationStore;

namespace RagPapers.Server.Conversations;

/// <summary>
/// Server-side conversations, named by ids the server hands out: the core's bounded store with the Server
/// section's limits (Server:MaxConversations, Server:ConversationIdleMinutes, Server:MaxTurnsPerConversation).
/// A client may only continue a conversation the server started, so an unknown id is refused, not created.
/// </summary>
public sealed class ConversationStore(IOptions<ServerOptions> options, TimeProvider time)
{
    private readonly SharedStore _store = new(
        new ConversationLimits(options.Value.MaxConversations, TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes), options.Value.MaxTurnsPerConversation),
        time);

    /// <summary>Conversations held now (expired ones still count until the next call sweeps them).</summary>
    public int Count => _store.Count;

    /// <summary>Whether <paramref name="id"/> has the form of an id this store hands out (32 lowercase hex digits).</summary>
    public static bool IsWellFormedId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Whether the conversation exists and has not expired.</summary>
    public bool Contains(string id) => _store.Contains(id);

    /// <summary>
    /// The conversation <paramref name="id"/> (a new one when null), held exclusively until the lease is disposed;
    /// null when that id is unknown or expired.
    /// </summary>
    public async Task<ConversationLease?> AcquireAsync(string? id, CancellationToken cancellationToken = default) =>
        id is null
            ? await _store.AcquireAsync(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), cancellationToken)
            : await _store.AcquireExistingAsync(id, cancellationToken);
}
