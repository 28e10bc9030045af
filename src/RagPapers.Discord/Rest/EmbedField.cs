namespace RagPapers.Discord.Rest;

internal sealed record EmbedField(string Name, string Value, bool? Inline = null)
{
    public int Length => Name.Length + Value.Length;
}
