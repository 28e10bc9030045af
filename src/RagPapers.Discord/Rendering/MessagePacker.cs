using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Rendering;

/// <summary>Packs embeds, in order, into as few messages as the limits allow: 10 embeds and 6,000 embed characters per message.</summary>
internal static class MessagePacker
{
    public static IReadOnlyList<DiscordMessage> Pack(IReadOnlyList<Embed> embeds)
    {
        var messages = new List<DiscordMessage>();
        var current = new List<Embed>();
        var total = 0;
        foreach (var embed in embeds)
        {
            if (current.Count == DiscordLimits.EmbedsPerMessage || (current.Count > 0 && total + embed.Length > DiscordLimits.EmbedTotalPerMessage))
            {
                messages.Add(new DiscordMessage(Embeds: current));
                current = [];
                total = 0;
            }

            current.Add(embed);
            total += embed.Length;
        }

        if (current.Count > 0)
        {
            messages.Add(new DiscordMessage(Embeds: current));
        }

        return messages;
    }

    /// <summary>Plain text as one or more messages of at most 2,000 characters, cut between sentences.</summary>
    public static IReadOnlyList<DiscordMessage> Text(string text, int? flags = null) =>
        CitationAwareSplitter.Split(text, DiscordLimits.Content).Select(piece => new DiscordMessage(piece, Flags: flags)).ToArray();
}
