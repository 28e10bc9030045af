using System.Text.Json.Serialization;

namespace RagPapers.Discord.Rest;

internal sealed record EmbedField(string Name, string Value, bool? Inline = null)
{
    [JsonIgnore]
    public int Length => Name.Length + Value.Length;
}
