using Microsoft.Extensions.Options;
using RagPapers.Answering.FollowUps;
using RagPapers.Conversations;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Conversations;

/// <summary>
/// One conversation per channel or thread, so a follow-up /ask ("and the second one?") has the earlier turns:
/// the core's bounded store with the Discord section's limits (Discord:MaxConversations, least recently used
/// forgotten first; Discord:ConversationIdleMinutes). Turns in one channel run one at a time; channels run in parallel.
/// </summary>
internal sealed class ChannelConversations(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly ConversationStore _store = new(
        new ConversationLimits(options.Value.MaxConversations, TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes)), time);

    public int Count => _store.Count;

    /// <summary>Runs <paramref name="use"/> with the channel's conversation, after any turn already running in that channel.</summary>
    public async Task<T> UseAsync<T>(string channelId, Func<Conversation, Task<T>> use, CancellationToken cancellationToken = default)
    {
        using var lease = await _store.AcquireAsync(channelId, cancellationToken);
        return await use(lease.Conversation);
    }
}
