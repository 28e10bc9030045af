using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Rendering;

/// <summary>
/// Turns a card into embeds that each respect every per-embed limit: the description is split at sentence
/// boundaries into as many embeds as it needs, fields follow (25 at most per embed), the footer closes the last.
/// Every embed stays within the 6,000 characters a whole message may carry, so the packer can always place it.
/// </summary>
internal static class EmbedComposer
{
    private const string EmptyValue = "\u200b"; // Discord refuses an empty field value

    public static IReadOnlyList<Embed> Compose(EmbedCard card)
    {
        var title = card.Title.Length == 0 ? null : TextFitter.Truncate(card.Title, DiscordLimits.EmbedTitle);
        var footer = card.Footer is { Length: > 0 } text ? new EmbedFooter(TextFitter.Truncate(text, DiscordLimits.FooterText)) : null;
        var reserved = (title?.Length ?? 0) + (footer?.Text.Length ?? 0);
        var descriptionMax = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotalPerMessage - reserved);

        var embeds = CitationAwareSplitter.Split(card.Description, descriptionMax)
            .Select((piece, i) => i == 0 ? new Embed(title, piece, card.Url, card.Color) : new Embed(Description: piece, Color: card.Color))
            .ToList();
        if (embeds.Count == 0)
        {
            embeds.Add(new Embed(title, Url: card.Url, Color: card.Color));
        }

        foreach (var field in card.Fields.Select(Fit))
        {
            var last = embeds[^1];
            var count = last.Fields?.Count ?? 0;
            if (count >= DiscordLimits.FieldsPerEmbed || last.Length + field.Length + reserved > DiscordLimits.EmbedTotalPerMessage)
            {
                embeds.Add(new Embed(Color: card.Color, Fields: [field]));
                continue;
            }

            embeds[^1] = last with { Fields = [.. last.Fields ?? [], field] };
        }

        embeds[^1] = embeds[^1] with { Footer = footer };
        return embeds;
    }

    private static EmbedField Fit(EmbedField field) => new(
        field.Name.Length == 0 ? EmptyValue : TextFitter.Truncate(field.Name, DiscordLimits.FieldName),
        field.Value.Length == 0 ? EmptyValue : TextFitter.Truncate(field.Value, DiscordLimits.FieldValue),
        field.Inline);
}
