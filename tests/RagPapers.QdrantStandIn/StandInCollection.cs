using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using QdrantValue = global::Qdrant.Client.Grpc.Value;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// One collection held in memory with Qdrant's write semantics: named dense vectors (size and distance checked,
/// cosine vectors normalized on write as Qdrant does), named sparse vectors (unique indices), payload, payload
/// indexes, collection metadata. Callers hold <see cref="Gate"/> around every use.
/// </summary>
internal sealed partial class StandInCollection
{
    public StandInCollection(CreateCollection request)
    {
        Name = request.CollectionName;
        // The client fills in shard number, replication and consistency factors and on-disk payload, which on one node
        // change nothing this stand-in shows; index, storage and sharding options it would only pretend to honour.
        if (request.HnswConfig is not null || request.WalConfig is not null || request.OptimizersConfig is not null || request.QuantizationConfig is not null
            || request.StrictModeConfig is not null || request.HasShardingMethod || request.ShardNumber > 1 || request.ReplicationFactor > 1)
        {
            throw StandInError.Unsupported("collection options other than vectors, sparse vectors, metadata and single-node defaults");
        }

        if (request.VectorsConfig?.ConfigCase != VectorsConfig.ConfigOneofCase.ParamsMap)
        {
            throw StandInError.Unsupported("collections without named dense vectors");
        }

        foreach (var (vector, config) in request.VectorsConfig.ParamsMap.Map)
        {
            if (config.Size is 0 or > 65536 || config.Distance == Distance.UnknownDistance)
            {
                throw StandInError.Validation($"vectors_config.{vector}: size must be from 1 to 65536 and a distance must be given");
            }

            Dense[vector] = (config.Size, config.Distance);
        }

        foreach (var (vector, config) in request.SparseVectorsConfig?.Map ?? [])
        {
            SparseModifiers[vector] = config.HasModifier ? config.Modifier : Modifier.None;
        }

        Metadata.Add(request.Metadata);
    }

    public object Gate { get; } = new();

    public string Name { get; }

    public Dictionary<string, (ulong Size, Distance Distance)> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Modifier> SparseModifiers { get; } = new(StringComparer.Ordinal);

    public MapField<string, QdrantValue> Metadata { get; } = [];

    public Dictionary<string, PayloadSchemaType> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, StandInPoint> Points { get; } = new(StandInIds.ScrollOrder);

    public ulong LastOperation { get; private set; }

    public ulong CreateIndex(CreateFieldIndexCollection request)
    {
        if (request.FieldIndexParams is not null || !request.HasFieldType)
        {
            throw StandInError.Unsupported("payload indexes with parameters or without a field type");
        }

        PayloadIndexes[request.FieldName] = request.FieldType switch
        {
            FieldType.Keyword => PayloadSchemaType.Keyword,
            FieldType.Integer => PayloadSchemaType.Integer,
            FieldType.Float => PayloadSchemaType.Float,
            FieldType.Datetime => PayloadSchemaType.Datetime,
            FieldType.Bool => PayloadSchemaType.Bool,
            _ => throw StandInError.Unsupported("the payload index type " + request.FieldType),
        };
        return ++LastOperation;
    }

    public ulong Upsert(UpsertPoints request)
    {
        if (request.UpdateFilter is not null || request.ShardKeySelector is not null)
        {
            throw StandInError.Unsupported("upserts with an update filter or a shard key");
        }

        // Check every point before storing any: Qdrant refuses a bad batch whole.
        var parsed = request.Points.Select(Parse).ToList();
        var version = ++LastOperation;
        foreach (var point in parsed)
        {
            point.Version = version;
            Points[point.Id] = point;
        }

        return version;
    }

    public ulong Delete(DeletePoints request)
    {
        var selector = request.Points ?? throw StandInError.Validation("points: a points selector is required");
        var doomed = selector.PointsSelectorOneOfCase == PointsSelector.PointsSelectorOneOfOneofCase.Points
            ? selector.Points.Ids.Select(StandInIds.Canonical).ToList()
            : Points.Values.Where(p => StandInFilter.Matches(selector.Filter, p)).Select(p => p.Id).ToList();
        foreach (var id in doomed)
        {
            Points.Remove(id);
        }

        return ++LastOperation;
    }

    public ulong Count(CountPoints request) => (ulong)Points.Values.LongCount(p => StandInFilter.Matches(request.Filter, p));

    public IEnumerable<RetrievedPoint> Get(GetPoints request) =>
        request.Ids.Select(StandInIds.Canonical)
            .Select(id => Points.GetValueOrDefault(id))
            .Where(p => p is not null)
            .Select(p => StandInRecords.Retrieved(p!, request.WithPayload, request.WithVectors, payloadByDefault: true));

    private StandInPoint Parse(PointStruct body)
    {
        var point = new StandInPoint(StandInIds.Canonical(body.Id ?? throw StandInError.Validation("id: a point needs an id")), body.Id) { Payload = body.Payload.Clone() };
        var vectors = body.Vectors;
        if (vectors?.VectorsOptionsCase == Vectors.VectorsOptionsOneofCase.Vector)
        {
            throw StandInError.WrongInput("Not existing vector name error: ");
        }

        foreach (var (name, vector) in vectors?.Vectors_?.Vectors ?? [])
        {
            if (StandInVectors.IsSparse(vector))
            {
                point.Sparse[name] = SparseVector(name, StandInVectors.Sparse(vector));
            }
            else
            {
                point.Dense[name] = DenseVector(name, StandInVectors.Dense(vector));
            }
        }

        return point;
    }

    private float[] DenseVector(string name, float[] vector)
    {
        if (!Dense.TryGetValue(name, out var config))
        {
            throw StandInError.WrongInput($"Not existing vector name error: {name}");
        }

        if ((ulong)vector.Length != config.Size)
        {
            throw StandInError.WrongInput($"Vector dimension error: expected dim: {config.Size}, got {vector.Length}");
        }

        return config.Distance == Distance.Cosine ? StandInScoring.Normalize(vector) : vector;
    }

    private SortedDictionary<uint, float> SparseVector(string name, (IReadOnlyList<uint> Indices, IReadOnlyList<float> Values) body)
    {
        if (!SparseModifiers.ContainsKey(name))
        {
            throw StandInError.WrongInput($"Not existing vector name error: {name}");
        }

        if (body.Indices.Count != body.Values.Count)
        {
            throw StandInError.Validation($"vector.{name}: indices and values must have the same length");
        }

        var sparse = new SortedDictionary<uint, float>();
        for (var i = 0; i < body.Indices.Count; i++)
        {
            if (!sparse.TryAdd(body.Indices[i], body.Values[i]))
            {
                throw StandInError.Validation($"vector.{name}: indices must be unique");
            }
        }

        return sparse;
    }
}
