namespace RagPapers.Discord.Rest;

/// <summary>
/// A bot message posted to a channel, as a reply (Create Message with a message_reference) unless replying is not allowed. Like every message of
/// the bot it parses no mentions, and the reply does not ping the author either (replied_user defaults to false).
/// </summary>
internal sealed record ChannelMessage(string? Content, IReadOnlyList<Embed>? Embeds, AllowedMentions AllowedMentions, MessageReference? MessageReference)
{
    /// <summary>
    /// <paramref name="message"/> as a reply to message <paramref name="messageId"/>. Flags are dropped: the only one
    /// the bot sets is EPHEMERAL, which exists for interaction replies alone.
    /// </summary>
    public static ChannelMessage ReplyTo(DiscordMessage message, string messageId) =>
        new(message.Content, message.Embeds, message.AllowedMentions, new MessageReference(messageId));

    /// <summary>The same message posted on its own, not as a reply.</summary>
    public ChannelMessage WithoutReference() => this with { MessageReference = null };
}

/// <summary>The message replied to; when it was deleted meanwhile, the reply is still posted, as a plain message.</summary>
internal sealed record MessageReference(string MessageId, bool FailIfNotExists = false);
