namespace RagPapers.Discord.Rest;

/// <summary>
/// A message body for an interaction reply, a webhook edit or a follow-up. <see cref="AllowedMentions"/> is
/// always "parse nothing": text quoted from papers or typed by users must never ping @everyone, a role or a user.
/// </summary>
internal sealed record DiscordMessage(string? Content = null, IReadOnlyList<Embed>? Embeds = null, int? Flags = null)
{
    /// <summary>Only the user who ran the command sees the message.</summary>
    public const int EphemeralFlag = 64;

    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;
}
