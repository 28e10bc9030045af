using Microsoft.Extensions.Logging;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;
using RagPapers.Discord.Commands;

namespace RagPapers.Discord.Background;

/// <summary>
/// Sends a reply where its command came from. For an interaction, through its webhook: the first message replaces
/// the deferred "thinking…" one, the rest follow as follow-up messages. For a mention, as replies to the message.
/// Nothing is sent once the command is too old (the token has expired). If Discord refuses the answer itself, a
/// short notice takes its place so the user is not left with "thinking…" or silence.
/// </summary>
internal sealed class InteractionDelivery(DiscordRestClient rest, TimeProvider time, ILogger<InteractionDelivery> logger)
{
    // Discord's JSON error code for a reply in a channel where the bot lacks Read Message History.
    private const int CannotReplyWithoutHistory = 160002;

    /// <summary>True when every message was delivered.</summary>
    public async Task<bool> DeliverAsync(PendingCommand command, IReadOnlyList<DiscordMessage> messages, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (command.IsExpired(time.GetUtcNow()))
            {
                Log.TokenExpired(logger, command.Kind, command.Id, messages.Count - i);
                return false;
            }

            try
            {
                await SendAsync(command, messages[i], isFirst: i == 0, cancellationToken);
            }
            catch (DiscordApiException ex) when (i == 0 && ex.StatusCode == 400 && !ReferenceEquals(messages, NoticeMessages.Failed))
            {
                Log.ReplyRefused(logger, ex, command.Kind, command.Id);
                await DeliverAsync(command, NoticeMessages.Failed, cancellationToken);
                return false;
            }
            catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Log.DeliveryFailed(logger, ex, command.Kind, command.Id, i + 1, messages.Count);
                return false;
            }
        }

        return true;
    }

    private Task SendAsync(PendingCommand command, DiscordMessage message, bool isFirst, CancellationToken cancellationToken) => command switch
    {
        DeferredInteraction interaction when isFirst => rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken),
        DeferredInteraction interaction => rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken),
        MentionCommand mention => ReplyAsync(mention, ChannelMessage.ReplyTo(message, mention.MessageId), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "no way to reply to this kind of command"),
    };

    private async Task ReplyAsync(MentionCommand mention, ChannelMessage reply, CancellationToken cancellationToken)
    {
        try
        {
            await rest.CreateMessageAsync(mention.ChannelId, reply, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.Code == CannotReplyWithoutHistory)
        {
            // A missing permission should cost the reply its arrow, not the answer.
            Log.ReplyWithoutHistory(logger, mention.ChannelId);
            await rest.CreateMessageAsync(mention.ChannelId, reply.WithoutReference(), cancellationToken);
        }
    }
}
