using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Rendering;

/// <summary>What one reply shows, before it is cut to Discord's limits: a title, text of any length, fields, a footer.</summary>
internal sealed record EmbedCard(
    string Title,
    string Description,
    IReadOnlyList<EmbedField> Fields,
    string? Footer = null,
    string? Url = null,
    int? Color = null);
