using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// One collection held in memory with Qdrant's write semantics: named dense vectors (size and distance checked,
/// cosine vectors normalized on write as Qdrant does), named sparse vectors (unique indices), payload, payload
/// indexes, collection metadata. Callers hold <see cref="Gate"/> around every use.
/// </summary>
internal sealed partial class StandInCollection
{
    public StandInCollection(string name, JsonObject body)
    {
        Name = name;
        foreach (var (key, _) in body)
        {
            if (key is not ("vectors" or "sparse_vectors" or "metadata"))
            {
                throw StandInError.Unsupported($"the collection option '{key}'");
            }
        }

        if (body["vectors"] is not JsonObject vectors || vectors.ContainsKey("size"))
        {
            throw StandInError.Unsupported("collections without named dense vectors");
        }

        foreach (var (vector, config) in vectors)
        {
            Dense[vector] = (config!["size"]!.GetValue<int>(), config["distance"]!.GetValue<string>());
        }

        foreach (var (vector, config) in body["sparse_vectors"]?.AsObject() ?? [])
        {
            SparseModifiers[vector] = config?["modifier"]?.GetValue<string>() ?? "none";
        }

        Metadata = body["metadata"]?.DeepClone().AsObject();
    }

    public object Gate { get; } = new();

    public string Name { get; }

    public Dictionary<string, (int Size, string Distance)> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> SparseModifiers { get; } = new(StringComparer.Ordinal);

    public JsonObject? Metadata { get; }

    public Dictionary<string, string> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, StandInPoint> Points { get; } = new(Comparer<string>.Create(StandInIds.CompareForScroll));

    public long LastOperation { get; private set; }

    public long CreateIndex(JsonObject body)
    {
        var field = body["field_name"]!.GetValue<string>();
        PayloadIndexes[field] = body["field_schema"] is JsonValue type
            ? type.GetValue<string>()
            : throw StandInError.Unsupported("payload index parameters other than a schema name");
        return ++LastOperation;
    }

    public long Upsert(JsonObject body)
    {
        if (body["points"] is not JsonArray points || body.ContainsKey("update_filter") || body.ContainsKey("update_mode") || body.ContainsKey("shard_key"))
        {
            throw StandInError.Unsupported("upserts other than a plain points list");
        }

        // Check every point before storing any: Qdrant refuses a bad batch whole.
        var parsed = points.Select(p => Parse(p!.AsObject())).ToList();
        var version = ++LastOperation;
        foreach (var point in parsed)
        {
            point.Version = version;
            Points[point.Id] = point;
        }

        return version;
    }

    public long Delete(JsonObject body)
    {
        if (body["points"] is JsonArray ids)
        {
            foreach (var id in ids)
            {
                Points.Remove(StandInIds.Canonical(id!));
            }
        }
        else
        {
            foreach (var id in Points.Values.Where(p => StandInFilter.Matches(body["filter"], p)).Select(p => p.Id).ToList())
            {
                Points.Remove(id);
            }
        }

        return ++LastOperation;
    }

    public long Count(JsonObject body) => Points.Values.LongCount(p => StandInFilter.Matches(body["filter"], p));

    public JsonArray Get(JsonObject body) =>
        [.. body["ids"]!.AsArray()
            .Select(id => Points.GetValueOrDefault(StandInIds.Canonical(id!)))
            .Where(p => p is not null)
            .Select(p => StandInRecords.Record(p!, body["with_payload"], body["with_vector"], payloadByDefault: true))];

    private StandInPoint Parse(JsonObject body)
    {
        var point = new StandInPoint(StandInIds.Canonical(body["id"]!), body["id"]!.DeepClone())
        {
            Payload = body["payload"]?.DeepClone().AsObject() ?? [],
        };
        if (body["vector"] is not JsonObject vectors)
        {
            throw StandInError.BadRequest("Not existing vector name error: ");
        }

        foreach (var (name, vector) in vectors)
        {
            if (vector is JsonArray values)
            {
                point.Dense[name] = DenseVector(name, values);
            }
            else
            {
                point.Sparse[name] = SparseVector(name, vector!.AsObject());
            }
        }

        return point;
    }

    private float[] DenseVector(string name, JsonArray values)
    {
        if (!Dense.TryGetValue(name, out var config))
        {
            throw StandInError.BadRequest($"Not existing vector name error: {name}");
        }

        var vector = values.Select(v => v!.GetValue<float>()).ToArray();
        if (vector.Length != config.Size)
        {
            throw StandInError.BadRequest($"Vector dimension error: expected dim: {config.Size}, got {vector.Length}");
        }

        return config.Distance == "Cosine" ? StandInScoring.Normalize(vector) : vector;
    }

    private SortedDictionary<uint, float> SparseVector(string name, JsonObject body)
    {
        if (!SparseModifiers.ContainsKey(name))
        {
            throw StandInError.BadRequest($"Not existing vector name error: {name}");
        }

        var indices = body["indices"]!.AsArray().Select(i => i!.GetValue<uint>()).ToArray();
        var values = body["values"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        if (indices.Length != values.Length)
        {
            throw StandInError.BadRequest("Validation error in JSON body: [points[0].vector: indices and values must have the same length]");
        }

        var sparse = new SortedDictionary<uint, float>();
        for (var i = 0; i < indices.Length; i++)
        {
            if (!sparse.TryAdd(indices[i], values[i]))
            {
                throw StandInError.BadRequest("Validation error in JSON body: [points[0].vector: indices must be unique]");
            }
        }

        return sparse;
    }
}
