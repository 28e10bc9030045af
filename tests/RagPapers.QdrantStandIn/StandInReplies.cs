using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>Qdrant's reply envelopes.</summary>
internal static class StandInReplies
{
    public static string Ok(JsonNode? result) =>
        new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.000142 }.ToJsonString();

    public static string Error(string message) =>
        new JsonObject { ["status"] = new JsonObject { ["error"] = message }, ["time"] = 0.0, ["result"] = null }.ToJsonString();
}
