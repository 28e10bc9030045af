namespace RagPapers.Discord.Rest;

/// <summary>
/// One REST call: method, relative path, and a template without ids for logs. The path of a webhook route holds
/// the interaction token, so only <see cref="Template"/> is ever logged. <see cref="Key"/> names the rate-limit
/// route: Discord limits per route and per major parameter (the webhook and its token, or the guild).
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Template, string MajorParameter)
{
    public string Key => $"{Method} {Template} {MajorParameter}";

    public static DiscordRoute EditOriginal(string applicationId, string token) => new(
        HttpMethod.Patch,
        $"webhooks/{Escape(applicationId)}/{Escape(token)}/messages/@original",
        "PATCH /webhooks/{application_id}/{token}/messages/@original",
        applicationId + "/" + token);

    public static DiscordRoute CreateFollowup(string applicationId, string token) => new(
        HttpMethod.Post,
        $"webhooks/{Escape(applicationId)}/{Escape(token)}",
        "POST /webhooks/{application_id}/{token}",
        applicationId + "/" + token);

    public static DiscordRoute BulkOverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, $"applications/{Escape(applicationId)}/commands", "PUT /applications/{application_id}/commands", applicationId)
        : new(
            HttpMethod.Put,
            $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands",
            "PUT /applications/{application_id}/guilds/{guild_id}/commands",
            guildId);

    public static DiscordRoute InteractionCallback(string interactionId, string token) => new(
        HttpMethod.Post,
        $"interactions/{Escape(interactionId)}/{Escape(token)}/callback",
        "POST /interactions/{interaction_id}/{interaction_token}/callback",
        interactionId + "/" + token);

    public static DiscordRoute CreateMessage(string channelId) => new(
        HttpMethod.Post, $"channels/{Escape(channelId)}/messages", "POST /channels/{channel_id}/messages", channelId);

    public static DiscordRoute TriggerTyping(string channelId) => new(
        HttpMethod.Post, $"channels/{Escape(channelId)}/typing", "POST /channels/{channel_id}/typing", channelId);

    public static DiscordRoute GatewayBot { get; } = new(HttpMethod.Get, "gateway/bot", "GET /gateway/bot", "");

    public override string ToString() => Template;

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
