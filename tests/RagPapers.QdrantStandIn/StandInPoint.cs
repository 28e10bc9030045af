using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

/// <summary>A stored point: its id (canonical text), payload, dense vectors (normalized for cosine) and sparse vectors.</summary>
internal sealed class StandInPoint(string id, PointId originalId)
{
    public string Id { get; } = id;

    public PointId OriginalId { get; } = originalId;

    public MapField<string, Value> Payload { get; init; } = [];

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SortedDictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public ulong Version { get; set; }
}
