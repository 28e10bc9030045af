using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

internal sealed partial class StandInCollection
{
    private static readonly string[] QueryFields = ["prefetch", "query", "using", "filter", "limit", "with_payload", "with_vector"];
    private static readonly string[] PrefetchFields = ["query", "using", "filter", "limit"];

    /// <summary>
    /// The Query API for what RagPapers sends: a dense or sparse nearest query on a named vector, or RRF over
    /// prefetches of those; the top-level filter applies to every prefetch as well.
    /// </summary>
    public JsonObject Query(JsonObject body)
    {
        Only(body, QueryFields, "query request");
        var limit = body["limit"]?.GetValue<int>() ?? 10;
        var filter = body["filter"];
        List<(StandInPoint Point, double Score)> ranked;
        if (body["prefetch"] is { } prefetch)
        {
            var lists = (prefetch is JsonArray array ? array.Select(p => p!.AsObject()) : [prefetch.AsObject()])
                .Select(p => Prefetch(p, filter))
                .ToList();
            ranked = Fuse(body["query"]?.AsObject() ?? throw StandInError.Unsupported("prefetch without a fusion query"), lists);
        }
        else
        {
            ranked = Nearest(body["query"] ?? throw StandInError.Unsupported("a query without 'query'"), body["using"]?.GetValue<string>(), filter);
        }

        var points = ranked.Take(limit).Select(r =>
        {
            var record = StandInRecords.Record(r.Point, body["with_payload"], body["with_vector"], payloadByDefault: false);
            record["version"] = r.Point.Version;
            record["score"] = r.Score;
            return (JsonNode)record;
        });
        return new JsonObject { ["points"] = new JsonArray([.. points]) };
    }

    private List<(StandInPoint Point, double Score)> Prefetch(JsonObject prefetch, JsonNode? outerFilter)
    {
        Only(prefetch, PrefetchFields, "prefetch");
        var hits = Nearest(prefetch["query"]!, prefetch["using"]?.GetValue<string>(), outerFilter);
        return [.. hits.Where(h => StandInFilter.Matches(prefetch["filter"], h.Point)).Take(prefetch["limit"]?.GetValue<int>() ?? 10)];
    }

    private static List<(StandInPoint Point, double Score)> Fuse(JsonObject query, List<List<(StandInPoint Point, double Score)>> lists)
    {
        if (query["fusion"] is JsonValue fusion)
        {
            return fusion.GetValue<string>() == "rrf"
                ? StandInScoring.Rrf(lists, 2, [.. lists.Select(_ => 1.0)])
                : throw StandInError.Unsupported("the fusion " + fusion.GetValue<string>());
        }

        if (query["rrf"] is not JsonObject rrf)
        {
            throw StandInError.Unsupported("the query over prefetches " + query.ToJsonString());
        }

        var weights = rrf["weights"] is JsonArray given ? given.Select(w => w!.GetValue<double>()).ToList() : [.. lists.Select(_ => 1.0)];
        return weights.Count == lists.Count
            ? StandInScoring.Rrf(lists, rrf["k"]?.GetValue<int>() ?? 2, weights)
            : throw StandInError.BadRequest($"Number of weights ({weights.Count}) must match the number of prefetches ({lists.Count})");
    }

    private List<(StandInPoint Point, double Score)> Nearest(JsonNode query, string? vectorName, JsonNode? filter)
    {
        var input = query is JsonObject { } wrapper && wrapper["nearest"] is { } nearest ? nearest : query;
        var name = vectorName ?? "";
        var candidates = Points.Values.Where(p => StandInFilter.Matches(filter, p));
        IEnumerable<(StandInPoint Point, double Score)> scored = input switch
        {
            JsonArray dense => DenseScores(name, dense, candidates),
            JsonObject sparse when sparse.ContainsKey("indices") => SparseScores(name, sparse, candidates),
            _ => throw StandInError.Unsupported("the query " + input.ToJsonString()),
        };
        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Point.Id, Comparer<string>.Create(StandInIds.CompareForScroll))];
    }

    private IEnumerable<(StandInPoint, double)> DenseScores(string name, JsonArray values, IEnumerable<StandInPoint> candidates)
    {
        var vector = values.Select(v => v!.GetValue<float>()).ToArray();
        if (!Dense.TryGetValue(name, out var config))
        {
            throw StandInError.BadRequest($"Not existing vector name error: {name}");
        }

        if (vector.Length != config.Size)
        {
            throw StandInError.BadRequest($"Vector dimension error: expected dim: {config.Size}, got {vector.Length}");
        }

        var query = config.Distance == "Cosine" ? StandInScoring.Normalize(vector) : vector;
        return candidates.Where(p => p.Dense.ContainsKey(name)).Select(p => (p, StandInScoring.Dot(query, p.Dense[name])));
    }

    private IEnumerable<(StandInPoint, double)> SparseScores(string name, JsonObject body, IEnumerable<StandInPoint> candidates)
    {
        var query = SparseVector(name, body);
        var withVector = Points.Values.Where(p => p.Sparse.ContainsKey(name)).ToList();
        Func<uint, double>? idf = SparseModifiers[name] == "idf"
            ? term => StandInScoring.Idf(withVector.Count, withVector.Count(p => p.Sparse[name].ContainsKey(term)))
            : null;
        foreach (var point in candidates.Where(p => p.Sparse.ContainsKey(name)))
        {
            if (StandInScoring.Sparse(query, point.Sparse[name], idf) is { } score)
            {
                yield return (point, score);
            }
        }
    }

    private static void Only(JsonObject body, string[] known, string what)
    {
        if (body.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw StandInError.Unsupported($"'{unknown}' in a {what}");
        }
    }
}
