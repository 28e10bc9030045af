using Microsoft.Extensions.Logging;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Background;

/// <summary>
/// Sends a reply through the interaction's webhook: the first message replaces the deferred "thinking…" one,
/// the rest follow as follow-up messages. Nothing is sent once the token has expired. If Discord refuses the
/// answer itself, a short notice takes its place so the user is not left with "thinking…".
/// </summary>
internal sealed class InteractionDelivery(DiscordRestClient rest, TimeProvider time, ILogger<InteractionDelivery> logger)
{
    /// <summary>True when every message was delivered.</summary>
    public async Task<bool> DeliverAsync(DeferredInteraction interaction, IReadOnlyList<DiscordMessage> messages, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (interaction.IsExpired(time.GetUtcNow()))
            {
                Log.TokenExpired(logger, interaction.InteractionId, messages.Count - i);
                return false;
            }

            try
            {
                await SendAsync(interaction, messages[i], isFirst: i == 0, cancellationToken);
            }
            catch (DiscordApiException ex) when (i == 0 && ex.StatusCode == 400 && !ReferenceEquals(messages, NoticeMessages.Failed))
            {
                Log.ReplyRefused(logger, ex, interaction.InteractionId);
                await DeliverAsync(interaction, NoticeMessages.Failed, cancellationToken);
                return false;
            }
            catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Log.DeliveryFailed(logger, ex, interaction.InteractionId, i + 1, messages.Count);
                return false;
            }
        }

        return true;
    }

    private Task SendAsync(DeferredInteraction interaction, DiscordMessage message, bool isFirst, CancellationToken cancellationToken) => isFirst
        ? rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken)
        : rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken);
}
