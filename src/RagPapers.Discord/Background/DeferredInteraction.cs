using RagPapers.Discord.Commands;

namespace RagPapers.Discord.Background;

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
    DateTimeOffset ReceivedAt)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    // A call that starts this close to the end could reach Discord after the token died.
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(10);

    public DateTimeOffset UsableUntil => ReceivedAt + TokenLifetime - SafetyMargin;

    public bool IsExpired(DateTimeOffset now) => now >= UsableUntil;

    // The token authorizes edits: keep it out of any accidental log line.
    public override string ToString() => $"interaction {InteractionId} /{Command.Name}";
}
