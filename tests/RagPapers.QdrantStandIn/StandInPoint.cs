using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>A stored point: canonical id, named dense vectors (normalized for cosine, as Qdrant stores them), named sparse vectors, payload.</summary>
internal sealed class StandInPoint(string id, JsonNode idNode)
{
    public string Id { get; } = id;

    public JsonNode IdNode { get; } = idNode;

    public long Version { get; set; }

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SortedDictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public JsonObject Payload { get; set; } = [];
}
