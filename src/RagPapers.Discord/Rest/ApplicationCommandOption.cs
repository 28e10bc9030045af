namespace RagPapers.Discord.Rest;

/// <summary>An option of a slash command; <see cref="Type"/> 3 is STRING, 4 INTEGER.</summary>
internal sealed record ApplicationCommandOption(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    int? MaxLength = null,
    int? MinValue = null,
    int? MaxValue = null)
{
    public const int StringType = 3;
    public const int IntegerType = 4;
}
