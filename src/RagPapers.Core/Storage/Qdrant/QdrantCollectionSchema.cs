using System.Globalization;
using Grpc.Core;
using Qdrant.Client.Grpc;
using QdrantValue = Qdrant.Client.Grpc.Value;

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

    private static readonly (string Field, PayloadSchemaType Schema)[] PayloadIndexes =
    [
        (QdrantNames.Kind, PayloadSchemaType.Keyword),
        (QdrantNames.PaperId, PayloadSchemaType.Keyword),
        (QdrantNames.Source, PayloadSchemaType.Keyword),
        (QdrantNames.Published, PayloadSchemaType.Datetime),
        (QdrantNames.Ordinal, PayloadSchemaType.Integer),
    ];

    /// <summary>Creates or validates the collection; returns the BM25 average length its sparse vectors use and whether it was created.</summary>
    public static async Task<(double AverageLength, bool Created)> EnsureAsync(
        QdrantConnection qdrant, string collection, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        var info = await GetAsync(qdrant, collection, cancellationToken);
        var created = false;
        if (info is null)
        {
            created = await CreateAsync(qdrant, collection, embedder, cancellationToken);
            info = await GetAsync(qdrant, collection, cancellationToken)
                ?? throw new StoreUnavailableException($"Qdrant at {qdrant.Url} created collection '{collection}' but does not find it.");
        }

        var averageLength = Check(info, qdrant.Url, collection, embedder);
        foreach (var (field, schema) in PayloadIndexes.Where(i => !info.PayloadSchema.ContainsKey(i.Field)))
        {
            await qdrant.CallAsync("Points/CreateFieldIndex", (c, ct) => c.CreatePayloadIndexAsync(collection, field, schema, wait: true, cancellationToken: ct), cancellationToken);
        }

        return (averageLength, created);
    }

    /// <summary>The collection's configuration, or null when it does not exist.</summary>
    private static async Task<CollectionInfo?> GetAsync(QdrantConnection qdrant, string collection, CancellationToken cancellationToken)
    {
        try
        {
            return await qdrant.CallAsync("Collections/Get", (c, ct) => c.GetCollectionInfoAsync(collection, ct), cancellationToken);
        }
        catch (StoreUnavailableException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.NotFound })
        {
            return null;
        }
    }

    /// <summary>Creates the collection; false when another client created it first.</summary>
    private static async Task<bool> CreateAsync(QdrantConnection qdrant, string collection, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        try
        {
            await qdrant.CallAsync("Collections/Create", (c, ct) => c.CreateCollectionAsync(CreateRequest(collection, embedder), ct), cancellationToken);
            return true;
        }
        catch (StoreUnavailableException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            return false;
        }
    }

    private static CreateCollection CreateRequest(string collection, EmbedderDescriptor embedder) =>
        new()
        {
            CollectionName = collection,
            VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap { Map = { [QdrantNames.DenseVector] = new VectorParams { Size = (ulong)embedder.Dimensions, Distance = Distance.Cosine } } },
            },
            SparseVectorsConfig = new SparseVectorConfig { Map = { [QdrantNames.SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf } } },

            // Strings, as the REST version wrote them: a collection it created reads the same.
            Metadata =
            {
                [SchemaKey] = Text(SchemaVersion.ToString(CultureInfo.InvariantCulture)),
                [EmbedderKey] = Text(embedder.Id),
                [DimensionsKey] = Text(embedder.Dimensions.ToString(CultureInfo.InvariantCulture)),
                [AverageLengthKey] = Text(DefaultAverageLength.ToString(CultureInfo.InvariantCulture)),
            },
        };

    private static double Check(CollectionInfo info, Uri url, string collection, EmbedderDescriptor embedder)
    {
        var name = $"The Qdrant collection '{collection}' at {url}";
        var delete = $"delete it (curl -X DELETE {RestUrl(url)}collections/{collection})";
        var metadata = info.Config?.Metadata;
        if (metadata is null || !metadata.ContainsKey(SchemaKey))
        {
            throw new StoreIncompatibleException(
                $"{name} was not created by RagPapers (it has no RagPapers metadata). Set Store:Qdrant:Collection to another name, or {delete} and run `ragpapers ingest`.");
        }

        var schema = Text(metadata, SchemaKey);
        if (schema != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new StoreIncompatibleException(
                $"{name} has schema version {schema}; this version of RagPapers uses schema version {SchemaVersion}. Delete it (curl -X DELETE {RestUrl(url)}collections/{collection}) and run `ragpapers ingest` to rebuild it.");
        }

        var storedId = Text(metadata, EmbedderKey);
        var storedDims = Text(metadata, DimensionsKey);
        if (storedId != embedder.Id || storedDims != embedder.Dimensions.ToString(CultureInfo.InvariantCulture))
        {
            throw new StoreIncompatibleException(
                $"{name} was built with embedder '{storedId}' ({storedDims} dims); this configuration uses '{embedder.Id}' ({embedder.Dimensions} dims). " +
                $"To re-embed, {delete} and run `ragpapers ingest` (or `ragpapers reindex --from sqlite --to qdrant`); or set Store:Qdrant:Collection to a new name.");
        }

        CheckVectors(info.Config!.Params, name, delete, embedder.Dimensions);
        return double.TryParse(Text(metadata, AverageLengthKey), NumberStyles.Float, CultureInfo.InvariantCulture, out var average) && average > 0
            ? average
            : DefaultAverageLength;
    }

    private static void CheckVectors(CollectionParams? parameters, string name, string delete, int dimensions)
    {
        var dense = parameters?.VectorsConfig?.ParamsMap?.Map.TryGetValue(QdrantNames.DenseVector, out var d) == true ? (long)d.Size : (long?)null;
        var sparse = parameters?.SparseVectorsConfig?.Map.TryGetValue(QdrantNames.SparseVector, out var s) == true ? s : null;
        if (dense != dimensions || sparse is not { HasModifier: true, Modifier: Modifier.Idf })
        {
            throw new StoreIncompatibleException(
                $"{name} does not have the vectors RagPapers creates (a '{QdrantNames.DenseVector}' vector of {dimensions} dims and a '{QdrantNames.SparseVector}' sparse vector with the idf modifier). To rebuild it, {delete} and run `ragpapers ingest`.");
        }
    }

    // The delete command goes to the REST API, on the port beside the gRPC one (6334 → 6333).
    private static string RestUrl(Uri grpc) =>
        new UriBuilder(grpc) { Port = grpc.Port == 6334 ? 6333 : grpc.Port }.Uri.ToString();

    private static QdrantValue Text(string value) => new() { StringValue = value };

    // Metadata values are strings when RagPapers wrote them; anything else is shown as Qdrant's JSON-like text.
    private static string Text(Google.Protobuf.Collections.MapField<string, QdrantValue> metadata, string key) =>
        metadata.TryGetValue(key, out var value)
            ? value.KindCase switch
            {
                QdrantValue.KindOneofCase.StringValue => value.StringValue,
                QdrantValue.KindOneofCase.IntegerValue => value.IntegerValue.ToString(CultureInfo.InvariantCulture),
                QdrantValue.KindOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
                _ => value.ToString(),
            }
            : "unknown";
}
