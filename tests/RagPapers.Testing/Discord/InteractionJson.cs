using System.Text.Json.Nodes;

namespace RagPapers.Testing.Discord;

/// <summary>Interaction payloads shaped like the ones Discord POSTs (receiving-and-responding docs).</summary>
public static class InteractionJson
{
    public const string ApplicationId = "111111111111111111";

    public static string Ping() => new JsonObject
    {
        ["id"] = NewId(), // fresh per request, as Discord's are: a repeated id is refused as a replay
        ["application_id"] = ApplicationId,
        ["type"] = 1,
        ["token"] = "ping-token",
        ["version"] = 1,
        ["user"] = new JsonObject { ["id"] = "53908232506183680", ["username"] = "Mason" },
    }.ToJsonString();

    /// <summary>A slash command in a guild channel; options given as name → string or int.</summary>
    public static string Command(string id, string name, string token, string channelId, params (string Name, object Value)[] options) => new JsonObject
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 2,
        ["token"] = token,
        ["version"] = 1,
        ["guild_id"] = "222222222222222222",
        ["channel_id"] = channelId,
        ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 0 },
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "53908232506183680", ["username"] = "Mason" }, ["roles"] = new JsonArray() },
        ["locale"] = "en-US",
        ["data"] = new JsonObject
        {
            ["id"] = "771825006014889984",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Name,
                ["type"] = o.Value is int ? 4 : 3,
                ["value"] = o.Value is int n ? JsonValue.Create(n) : JsonValue.Create((string)o.Value),
            }).ToArray()),
        },
    }.ToJsonString();

    /// <summary>A fresh snowflake-like id.</summary>
    public static string NewId() => "1" + Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fresh, unguessable-looking interaction token, different per test so recordings never mix.</summary>
    public static string NewToken() => "aW50ZXJhY3Rpb246" + Guid.NewGuid().ToString("N");
}
