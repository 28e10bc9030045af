namespace RagPapers.Discord.Commands;

/// <summary>A message that mentions the bot (or a DM), answered with replies to it in its channel or thread.</summary>
internal sealed record MentionCommand(
    string MessageId,
    string ChannelId,
    SlashCommandInvocation Command,
    DateTimeOffset ReceivedAt) : PendingCommand(MessageId, ChannelId, Command, ReceivedAt)
{
    public override string Kind => "Message";

    // The question is the user's text: keep it out of any accidental log line.
    public override string ToString() => $"message {MessageId} in channel {ChannelId} /{Command.Name}";
}
