using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// Source-generated JSON for every body the client sends or reads. Qdrant's fields are snake_case, nulls are
/// left out (an explicit null is not always accepted where a field is optional), unknown reply fields ignored.
/// The primitive and array entries are the runtime types behind the <c>object</c>-typed members.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateCollectionRequest))]
[JsonSerializable(typeof(CreateFieldIndexRequest))]
[JsonSerializable(typeof(UpsertPointsRequest))]
[JsonSerializable(typeof(GetPointsRequest))]
[JsonSerializable(typeof(ScrollRequest))]
[JsonSerializable(typeof(DeletePointsRequest))]
[JsonSerializable(typeof(CountRequest))]
[JsonSerializable(typeof(QueryRequest))]
[JsonSerializable(typeof(RrfQuery))]
[JsonSerializable(typeof(SparseVector))]
[JsonSerializable(typeof(float[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(QdrantEnvelope<bool>))]
[JsonSerializable(typeof(QdrantEnvelope<JsonElement>))]
[JsonSerializable(typeof(QdrantEnvelope<CollectionInfo>))]
[JsonSerializable(typeof(QdrantEnvelope<UpdateResult>))]
[JsonSerializable(typeof(QdrantEnvelope<ScrollResult>))]
[JsonSerializable(typeof(QdrantEnvelope<CountResult>))]
[JsonSerializable(typeof(QdrantEnvelope<QueryResponse>))]
[JsonSerializable(typeof(QdrantEnvelope<List<StoredPoint>>))]
internal sealed partial class QdrantJsonContext : JsonSerializerContext;
