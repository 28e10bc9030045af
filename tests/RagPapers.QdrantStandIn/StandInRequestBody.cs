using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>Reads a request body and checks it against the operation's schema, answering 400 as Qdrant does for a body it cannot take.</summary>
internal static class StandInRequestBody
{
    public static JsonObject? Parse(QdrantSpec spec, string operationId, string body)
    {
        if (!spec.HasRequestBody(operationId))
        {
            return null;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new StandInError(400, "Format error in JSON body: " + ex.Message);
        }

        var errors = spec.ValidateRequest(operationId, body);
        if (errors.Count > 0)
        {
            throw new StandInError(400, "Format error in JSON body: " + string.Join("; ", errors));
        }

        return json as JsonObject ?? throw new StandInError(400, "Format error in JSON body: expected an object");
    }
}
