namespace RagPapers.Discord.Rendering;

/// <summary>Discord's message limits (API v10); breaking any of them makes Discord answer 400 and the user sees nothing.</summary>
internal static class DiscordLimits
{
    public const int Content = 2_000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4_096;
    public const int FieldName = 256;
    public const int FieldValue = 1_024;
    public const int FieldsPerEmbed = 25;
    public const int FooterText = 2_048;
    public const int EmbedsPerMessage = 10;

    /// <summary>Characters of all embeds of one message together (titles, descriptions, fields, footers).</summary>
    public const int EmbedTotalPerMessage = 6_000;
}
