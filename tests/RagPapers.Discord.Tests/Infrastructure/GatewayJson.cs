using System.Text.Json.Nodes;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>Dispatch data shaped as Discord sends it over the Gateway (gateway-events: Interaction Create, Message Create).</summary>
public static class GatewayJson
{
    public const string GuildId = "222222222222222222";
    public const string UserId = "53908232506183680";

    /// <summary>INTERACTION_CREATE's data: the same interaction object the endpoint receives.</summary>
    public static JsonNode Interaction(string id, string name, string token, string channelId, params (string Name, object Value)[] options) =>
        JsonNode.Parse(InteractionJson.Command(id, name, token, channelId, options))!;

    /// <summary>
    /// MESSAGE_CREATE's data: a message by a person in a guild channel (or a DM when <paramref name="direct"/>), whose
    /// content and mentions are as given; without the MESSAGE_CONTENT intent Discord sends content only to a bot it mentions.
    /// </summary>
    public static JsonNode Message(
        string id,
        string channelId,
        string content,
        IEnumerable<string>? mentions = null,
        bool direct = false,
        string authorId = UserId,
        bool authorIsBot = false,
        int type = 0)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = authorId, ["username"] = "mason", ["global_name"] = "Mason", ["discriminator"] = "0", ["bot"] = authorIsBot },
            ["content"] = content,
            ["timestamp"] = "2026-03-01T09:00:00.000000+00:00",
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray((mentions ?? []).Select(m => (JsonNode)new JsonObject { ["id"] = m, ["username"] = "someone", ["discriminator"] = "0" }).ToArray()),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["pinned"] = false,
            ["type"] = type,
        };
        if (!direct)
        {
            message["guild_id"] = GuildId;
            message["member"] = new JsonObject { ["roles"] = new JsonArray(), ["joined_at"] = "2025-01-01T00:00:00.000000+00:00" };
        }

        return message;
    }
}
