namespace RagPapers.Discord.Rest;

/// <summary>The body of our 200 reply to an interaction.</summary>
internal sealed record InteractionResponse(int Type, DiscordMessage? Data = null)
{
    public static InteractionResponse Pong { get; } = new(1);

    /// <summary>DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: the user sees "thinking…" until we edit the original message.</summary>
    public static InteractionResponse Deferred { get; } = new(5);

    /// <summary>CHANNEL_MESSAGE_WITH_SOURCE: the reply itself, for what needs no work.</summary>
    public static InteractionResponse Message(DiscordMessage message) => new(4, message);
}
