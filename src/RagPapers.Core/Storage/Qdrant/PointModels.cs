using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPapers.Storage.Qdrant;

/// <summary>PUT /collections/{name}/points: points with the same id are overwritten.</summary>
internal sealed record UpsertPointsRequest(IReadOnlyList<PointStruct> Points);

/// <summary>A point; a paper point has no vectors (<c>"vector": {}</c>), a chunk point has both.</summary>
internal sealed record PointStruct(string Id, NamedVectors Vector, PointPayload Payload);

internal sealed record NamedVectors(
    [property: JsonPropertyName(QdrantNames.DenseVector)] float[]? Dense = null,
    [property: JsonPropertyName(QdrantNames.SparseVector)] SparseVector? Sparse = null);

/// <summary>Unique <paramref name="Indices"/> with one value each.</summary>
internal sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>
/// The payload of both point kinds. A paper point carries the paper (title, abstract, authors, content hash);
/// a chunk point carries its text and, for filtering, the paper's date and source.
/// </summary>
/// <remarks>Read back, any field may be missing: a scroll can ask for a few fields only.</remarks>
internal sealed record PointPayload(
    string? Kind,
    string PaperId,
    string? Source,
    string? Published = null,
    int? Ordinal = null,
    string? Text = null,
    string? Title = null,
    string? Abstract = null,
    IReadOnlyList<string>? Authors = null,
    string? ArxivId = null,
    string? ContentHash = null);

/// <summary>POST /collections/{name}/points: points by id.</summary>
internal sealed record GetPointsRequest(IReadOnlyList<string> Ids, bool WithPayload, bool WithVector);

/// <summary>A point as read back; only the dense vector is ever requested.</summary>
internal sealed record StoredPoint(JsonElement Id, PointPayload? Payload, IReadOnlyDictionary<string, float[]>? Vector);

/// <summary>POST /collections/{name}/points/scroll. <c>WithPayload</c> is true or a list of fields; <c>WithVector</c> false or a list of names.</summary>
internal sealed record ScrollRequest(
    Filter? Filter,
    int Limit,
    object WithPayload,
    object WithVector,
    JsonElement? Offset = null,
    OrderBy? OrderBy = null);

internal sealed record OrderBy(string Key, string Direction, string? StartFrom = null);

internal sealed record ScrollResult(IReadOnlyList<StoredPoint> Points, JsonElement? NextPageOffset);

/// <summary>POST /collections/{name}/points/delete with a filter.</summary>
internal sealed record DeletePointsRequest(Filter Filter);

internal sealed record CountRequest(Filter? Filter, bool Exact);
