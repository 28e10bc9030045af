using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// The intents the bot identifies with. Interactions need none (INTERACTION_CREATE has no intent); answering
/// mentions and DMs needs GUILD_MESSAGES and DIRECT_MESSAGES, neither privileged. MESSAGE_CONTENT (privileged) is
/// never asked for: the content of a message that mentions the bot, or of a DM, arrives without it.
/// </summary>
internal static class GatewayIntents
{
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;

    public static int For(DiscordOptions options) => options.AnswerMentions ? GuildMessages | DirectMessages : 0;

    /// <summary>"GUILD_MESSAGES, DIRECT_MESSAGES", or "none".</summary>
    public static string Describe(int intents) => intents == 0
        ? "none"
        : string.Join(", ", new[] { (GuildMessages, "GUILD_MESSAGES"), (DirectMessages, "DIRECT_MESSAGES") }.Where(i => (intents & i.Item1) != 0).Select(i => i.Item2));
}
