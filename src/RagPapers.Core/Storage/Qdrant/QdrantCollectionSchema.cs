using System.Globalization;
using System.Text.Json;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// Creates the collection on first use (named dense vector, BM25 sparse vector with the IDF modifier, payload
/// indexes, RagPapers metadata) and checks an existing one against this build and embedder.
/// </summary>
internal static class QdrantCollectionSchema
{
    /// <summary>Bumped whenever points or vectors change shape; a collection of another version is refused.</summary>
    public const int SchemaVersion = 1;

    // Measured on the bundled collection: title terms counted twice plus chunk terms, averaged over its 516
    // whole-abstract chunks (`dotnet run -c Release --project bench/RagPapers.Bench -- qdrant-sizing` prints 141.89;
    // it was 66 with the 700-character chunks before issue #3). Stored in the collection's metadata, so a change of
    // this constant cannot skew the BM25 weights of an existing collection.
    public const double DefaultAverageLength = 142;

    private const string SchemaKey = "ragpapers_schema";
    private const string EmbedderKey = "embedder_id";
    private const string DimensionsKey = "dimensions";
    private const string AverageLengthKey = "bm25_average_length";

    private static readonly (string Field, string Schema)[] PayloadIndexes =
    [
        (QdrantNames.Kind, "keyword"),
        (QdrantNames.PaperId, "keyword"),
        (QdrantNames.Source, "keyword"),
        (QdrantNames.Published, "datetime"),
        (QdrantNames.Ordinal, "integer"),
    ];

    /// <summary>Creates or validates the collection; returns the BM25 average length its sparse vectors use and whether it was created.</summary>
    public static async Task<(double AverageLength, bool Created)> EnsureAsync(
        QdrantClient client, string collection, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        var info = await client.GetCollectionAsync(collection, cancellationToken);
        var created = false;
        if (info is null)
        {
            created = await client.CreateCollectionAsync(collection, CreateRequest(embedder), cancellationToken);
            info = await client.GetCollectionAsync(collection, cancellationToken)
                ?? throw new StoreUnavailableException($"Qdrant at {client.BaseUrl} created collection '{collection}' but does not find it.");
        }

        var averageLength = Check(info, client.BaseUrl, collection, embedder);
        foreach (var (field, schema) in PayloadIndexes.Where(i => info.PayloadSchema?.ContainsKey(i.Field) != true))
        {
            await client.CreateFieldIndexAsync(collection, new CreateFieldIndexRequest(field, schema), cancellationToken);
        }

        return (averageLength, created);
    }

    private static CreateCollectionRequest CreateRequest(EmbedderDescriptor embedder) =>
        new(
            new Dictionary<string, DenseVectorParams> { [QdrantNames.DenseVector] = new(embedder.Dimensions, "Cosine") },
            new Dictionary<string, SparseVectorParams> { [QdrantNames.SparseVector] = new("idf") },
            new Dictionary<string, string>
            {
                [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
                [EmbedderKey] = embedder.Id,
                [DimensionsKey] = embedder.Dimensions.ToString(CultureInfo.InvariantCulture),
                [AverageLengthKey] = DefaultAverageLength.ToString(CultureInfo.InvariantCulture),
            });

    private static double Check(CollectionInfo info, Uri url, string collection, EmbedderDescriptor embedder)
    {
        var name = $"The Qdrant collection '{collection}' at {url}";
        var delete = $"delete it (curl -X DELETE {url}collections/{collection})";
        var metadata = info.Config.Metadata;
        if (metadata is null || !metadata.ContainsKey(SchemaKey))
        {
            throw new StoreIncompatibleException(
                $"{name} was not created by RagPapers (it has no RagPapers metadata). Set Store:Qdrant:Collection to another name, or {delete} and run `ragpapers ingest`.");
        }

        var schema = Text(metadata, SchemaKey);
        if (schema != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new StoreIncompatibleException(
                $"{name} has schema version {schema}; this version of RagPapers uses schema version {SchemaVersion}. Delete it (curl -X DELETE {url}collections/{collection}) and run `ragpapers ingest` to rebuild it.");
        }

        var storedId = Text(metadata, EmbedderKey);
        var storedDims = Text(metadata, DimensionsKey);
        if (storedId != embedder.Id || storedDims != embedder.Dimensions.ToString(CultureInfo.InvariantCulture))
        {
            throw new StoreIncompatibleException(
                $"{name} was built with embedder '{storedId}' ({storedDims} dims); this configuration uses '{embedder.Id}' ({embedder.Dimensions} dims). " +
                $"To re-embed, {delete} and run `ragpapers ingest` (or `ragpapers reindex --from sqlite --to qdrant`); or set Store:Qdrant:Collection to a new name.");
        }

        CheckVectors(info.Config.Params, name, delete, embedder.Dimensions);
        return double.TryParse(Text(metadata, AverageLengthKey), NumberStyles.Float, CultureInfo.InvariantCulture, out var average) && average > 0
            ? average
            : DefaultAverageLength;
    }

    private static void CheckVectors(CollectionParams parameters, string name, string delete, int dimensions)
    {
        var dense = parameters.Vectors is { ValueKind: JsonValueKind.Object } vectors && vectors.TryGetProperty(QdrantNames.DenseVector, out var d)
            && d.TryGetProperty("size", out var size) && size.TryGetInt32(out var n) ? n : (int?)null;
        var sparse = parameters.SparseVectors?.GetValueOrDefault(QdrantNames.SparseVector);
        if (dense != dimensions || sparse?.Modifier != "idf")
        {
            throw new StoreIncompatibleException(
                $"{name} does not have the vectors RagPapers creates (a '{QdrantNames.DenseVector}' vector of {dimensions} dims and a '{QdrantNames.SparseVector}' sparse vector with the idf modifier). To rebuild it, {delete} and run `ragpapers ingest`.");
        }
    }

    private static string Text(IReadOnlyDictionary<string, JsonElement> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() : "unknown";
}
