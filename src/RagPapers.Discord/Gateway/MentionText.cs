using System.Text.RegularExpressions;

namespace RagPapers.Discord.Gateway;

/// <summary>The question in a message that mentions the bot: the text without the bot's mention (&lt;@id&gt; or &lt;@!id&gt;).</summary>
internal static partial class MentionText
{
    public static string Question(string content, string botId) =>
        Spaces().Replace(content.Replace($"<@{botId}>", " ", StringComparison.Ordinal).Replace($"<@!{botId}>", " ", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
