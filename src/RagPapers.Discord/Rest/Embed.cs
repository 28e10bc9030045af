using System.Text.Json.Serialization;

namespace RagPapers.Discord.Rest;

/// <summary>A rich embed of a message.</summary>
internal sealed record Embed(
    string? Title = null,
    string? Description = null,
    string? Url = null,
    int? Color = null,
    IReadOnlyList<EmbedField>? Fields = null,
    EmbedFooter? Footer = null)
{
    /// <summary>The characters Discord counts toward the 6,000 per message: title, description, field names and values, footer.</summary>
    [JsonIgnore]
    public int Length =>
        (Title?.Length ?? 0) + (Description?.Length ?? 0) + (Footer?.Text.Length ?? 0) + (Fields?.Sum(f => f.Length) ?? 0);
}
