using System.Text.Json;

namespace RagPapers.Storage.Qdrant;

/// <summary>PUT /collections/{name}: named dense and sparse vectors, and free-form metadata (Qdrant 1.16+).</summary>
internal sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, DenseVectorParams> Vectors,
    IReadOnlyDictionary<string, SparseVectorParams> SparseVectors,
    IReadOnlyDictionary<string, string> Metadata);

internal sealed record DenseVectorParams(int Size, string Distance);

internal sealed record SparseVectorParams(string? Modifier);

/// <summary>PUT /collections/{name}/index: one payload index.</summary>
internal sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);

/// <summary>The parts of GET /collections/{name} the index checks.</summary>
internal sealed record CollectionInfo(string Status, long? PointsCount, CollectionConfig Config, IReadOnlyDictionary<string, PayloadIndexInfo>? PayloadSchema);

/// <summary><c>Vectors</c> is either one unnamed vector's params or a map of named ones, so it is read as raw JSON.</summary>
internal sealed record CollectionConfig(CollectionParams Params, IReadOnlyDictionary<string, JsonElement>? Metadata);

internal sealed record CollectionParams(JsonElement? Vectors, IReadOnlyDictionary<string, SparseVectorParams?>? SparseVectors);

internal sealed record PayloadIndexInfo(string DataType, long? Points);
