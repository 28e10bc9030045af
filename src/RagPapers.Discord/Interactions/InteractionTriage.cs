using Microsoft.Extensions.Logging;
using RagPapers.Discord.Background;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Interactions;

/// <summary>
/// Decides the immediate reply to a slash command, however it arrived (the HTTP endpoint or the Gateway): /help and
/// unusable commands get a message at once, every other command a deferred reply while the work is queued for the
/// background worker, or "busy" when the queue is full.
/// </summary>
internal sealed class InteractionTriage(InteractionQueue queue, TimeProvider time, ILogger<InteractionTriage> logger)
{
    /// <summary>
    /// The reply to send now; null when the interaction lacks what a command needs. <paramref name="acknowledged"/>
    /// completes once Discord has that reply, so the worker does not edit a deferred message that is not there yet.
    /// </summary>
    public InteractionResponse? Triage(InteractionPayload interaction, Task? acknowledged = null)
    {
        if (interaction is not { Id: { } id, ApplicationId: { } applicationId, Token: { } token, Data: { } data, ConversationKey: { } conversation })
        {
            return null;
        }

        var command = SlashCommandInvocation.From(data);
        if (!SlashCommands.IsKnown(command.Name))
        {
            return InteractionResponse.Message(NoticeMessages.Ephemeral($"I do not know the command /{command.Name}; /help lists mine."));
        }

        if (command.Name == SlashCommands.Help)
        {
            return InteractionResponse.Message(HelpMessages.Build());
        }

        if (SlashCommands.MissingOption(command) is { } missing)
        {
            return InteractionResponse.Message(NoticeMessages.Ephemeral($"/{command.Name} needs the option {missing}."));
        }

        var deferred = new DeferredInteraction(id, applicationId, token, conversation, command, time.GetUtcNow())
        {
            Acknowledged = acknowledged ?? Task.CompletedTask,
        };
        if (!queue.TryEnqueue(deferred))
        {
            Log.QueueFull(logger, id, command.Name);
            return InteractionResponse.Message(NoticeMessages.Busy);
        }

        Log.Deferred(logger, id, command.Name);
        return InteractionResponse.Deferred;
    }
}
