namespace RagPapers.Discord.Commands;

/// <summary>
/// A command acknowledged with a deferred reply and waiting to be answered. Its token lets us edit the reply and
/// post follow-ups for 15 minutes after Discord sent the interaction, and for no longer.
/// </summary>
internal sealed record DeferredInteraction(
    string InteractionId,
    string ApplicationId,
    string Token,
    string ConversationKey,
    SlashCommandInvocation Command,
    DateTimeOffset ReceivedAt) : PendingCommand(InteractionId, ConversationKey, Command, ReceivedAt)
{
    public override string Kind => "Interaction";

    // The token authorizes edits: keep it out of any accidental log line.
    public override string ToString() => $"interaction {InteractionId} /{Command.Name}";
}
