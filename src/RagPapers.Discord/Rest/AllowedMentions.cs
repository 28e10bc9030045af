namespace RagPapers.Discord.Rest;

/// <summary>Which mentions in a message may ping; <see cref="None"/> (an empty parse list) stops every ping.</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}
