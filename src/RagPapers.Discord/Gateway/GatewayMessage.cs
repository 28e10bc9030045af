namespace RagPapers.Discord.Gateway;

/// <summary>
/// MESSAGE_CREATE (only the fields the bot reads). Without the MESSAGE_CONTENT intent, <see cref="Content"/> is empty
/// except in DMs and in messages that mention the bot, which are exactly the ones it answers.
/// </summary>
internal sealed record GatewayMessage(
    string Id,
    string ChannelId,
    GatewayUser Author,
    string? GuildId = null,
    string Content = "",
    IReadOnlyList<GatewayUser>? Mentions = null,
    int Type = 0,
    string? WebhookId = null)
{
    /// <summary>DEFAULT (0) and REPLY (19): what people type; the other types are joins, pins, boosts and the like.</summary>
    public bool IsTypedByAPerson => Type is 0 or 19 && WebhookId is null && Author.Bot != true;

    public bool IsDirect => GuildId is null;

    // The content is the user's text: keep it out of any accidental log line.
    public override string ToString() => $"message {Id} in channel {ChannelId}";
}
