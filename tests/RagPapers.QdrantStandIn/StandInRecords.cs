using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>Points as Qdrant writes them in replies, honouring with_payload (bool, field list, include/exclude) and with_vector (bool, names).</summary>
internal static class StandInRecords
{
    public static JsonObject Record(StandInPoint point, JsonNode? withPayload, JsonNode? withVector, bool payloadByDefault)
    {
        var record = new JsonObject { ["id"] = StandInIds.Node(point.Id) };
        if (Payload(point, withPayload, payloadByDefault) is { } payload)
        {
            record["payload"] = payload;
        }

        if (Vectors(point, withVector) is { } vectors)
        {
            record["vector"] = vectors;
        }

        return record;
    }

    public static JsonObject? Payload(StandInPoint point, JsonNode? withPayload, bool byDefault) => withPayload switch
    {
        null => byDefault ? point.Payload.DeepClone().AsObject() : null,
        JsonValue flag => flag.GetValue<bool>() ? point.Payload.DeepClone().AsObject() : null,
        JsonArray fields => Only(point, Names(fields)),
        JsonObject selector when selector["include"] is JsonArray fields => Only(point, Names(fields)),
        JsonObject selector when selector["exclude"] is JsonArray fields => Only(point, point.Payload.Select(p => p.Key).Except(Names(fields))),
        _ => throw StandInError.Unsupported("the payload selector " + withPayload.ToJsonString()),
    };

    private static IEnumerable<string> Names(JsonArray fields) => fields.Select(f => f!.GetValue<string>());

    private static JsonObject Only(StandInPoint point, IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return new JsonObject(point.Payload.Where(p => wanted.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    private static JsonObject? Vectors(StandInPoint point, JsonNode? withVector)
    {
        Func<string, bool> wanted = withVector switch
        {
            null => _ => false,
            JsonValue flag => _ => flag.GetValue<bool>(),
            JsonArray names => n => names.Any(x => x!.GetValue<string>() == n),
            _ => throw StandInError.Unsupported("the vector selector " + withVector.ToJsonString()),
        };
        if (withVector is null || (withVector is JsonValue v && !v.GetValue<bool>()))
        {
            return null;
        }

        var vectors = new JsonObject();
        foreach (var (name, dense) in point.Dense.Where(d => wanted(d.Key)))
        {
            vectors[name] = new JsonArray([.. dense.Select(x => (JsonNode)x)]);
        }

        foreach (var (name, sparse) in point.Sparse.Where(s => wanted(s.Key)))
        {
            vectors[name] = new JsonObject
            {
                ["indices"] = new JsonArray([.. sparse.Keys.Select(i => (JsonNode)i)]),
                ["values"] = new JsonArray([.. sparse.Values.Select(x => (JsonNode)x)]),
            };
        }

        return vectors;
    }
}
