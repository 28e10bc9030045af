using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

internal sealed partial class StandInCollection
{
    private const ulong DefaultLimit = 10;
    private const uint DefaultRrfK = 2;

    /// <summary>
    /// The Query API for what RagPapers sends: a dense or sparse nearest query on a named vector, or RRF (plain or with
    /// k and weights) over prefetches of those; the top-level filter applies to every prefetch as well. (Qdrant.Client
    /// always sends an offset, 0 unless asked.)
    /// </summary>
    public IEnumerable<ScoredPoint> Query(QueryPoints request)
    {
        if (request.Params is not null || request.HasScoreThreshold || request.LookupFrom is not null || request.ShardKeySelector is not null)
        {
            throw StandInError.Unsupported("query parameters other than prefetch, query, using, filter, limit, offset and the selectors");
        }

        var query = request.Query ?? throw StandInError.Unsupported("a query without 'query'");
        var ranked = request.Prefetch.Count > 0
            ? Fuse(query, [.. request.Prefetch.Select(p => Prefetch(p, request.Filter))])
            : Nearest(query, request.HasUsing ? request.Using : "", request.Filter);
        var limit = request.HasLimit ? request.Limit : DefaultLimit;
        return ranked.Skip((int)request.Offset).Take((int)limit).Select(r => StandInRecords.Scored(r.Point, r.Score, request.WithPayload, request.WithVectors));
    }

    private List<(StandInPoint Point, double Score)> Prefetch(PrefetchQuery prefetch, Filter? outerFilter)
    {
        if (prefetch.Prefetch.Count > 0 || prefetch.Params is not null || prefetch.HasScoreThreshold || prefetch.LookupFrom is not null)
        {
            throw StandInError.Unsupported("prefetches with anything but query, using, filter and limit");
        }

        var hits = Nearest(prefetch.Query ?? throw StandInError.Unsupported("a prefetch without a query"), prefetch.HasUsing ? prefetch.Using : "", outerFilter);
        var limit = prefetch.HasLimit ? prefetch.Limit : DefaultLimit;
        return [.. hits.Where(h => StandInFilter.Matches(prefetch.Filter, h.Point)).Take((int)limit)];
    }

    private static List<(StandInPoint Point, double Score)> Fuse(Query query, List<List<(StandInPoint Point, double Score)>> lists)
    {
        switch (query.VariantCase)
        {
            case global::Qdrant.Client.Grpc.Query.VariantOneofCase.Fusion when query.Fusion == Fusion.Rrf:
                return StandInScoring.Rrf(lists, DefaultRrfK, [.. lists.Select(_ => 1.0)]);
            case global::Qdrant.Client.Grpc.Query.VariantOneofCase.Rrf:
                var weights = query.Rrf.Weights.Count > 0 ? query.Rrf.Weights.Select(w => (double)w).ToList() : [.. lists.Select(_ => 1.0)];
                return weights.Count == lists.Count
                    ? StandInScoring.Rrf(lists, query.Rrf.HasK ? query.Rrf.K : DefaultRrfK, weights)
                    : throw StandInError.WrongInput($"Number of weights ({weights.Count}) must match the number of prefetches ({lists.Count})");
            default:
                throw StandInError.Unsupported("the query over prefetches " + query);
        }
    }

    private List<(StandInPoint Point, double Score)> Nearest(Query query, string vectorName, Filter? filter)
    {
        if (query.VariantCase != global::Qdrant.Client.Grpc.Query.VariantOneofCase.Nearest)
        {
            throw StandInError.Unsupported("the query " + query);
        }

        var candidates = Points.Values.Where(p => StandInFilter.Matches(filter, p));
        IEnumerable<(StandInPoint Point, double Score)> scored = query.Nearest.VariantCase switch
        {
            VectorInput.VariantOneofCase.Dense => DenseScores(vectorName, [.. query.Nearest.Dense.Data], candidates),
            VectorInput.VariantOneofCase.Sparse => SparseScores(vectorName, StandInVectors.Sparse(query.Nearest.Sparse), candidates),
            _ => throw StandInError.Unsupported("the nearest query " + query.Nearest),
        };
        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Point.Id, StandInIds.ScrollOrder)];
    }

    private IEnumerable<(StandInPoint, double)> DenseScores(string name, float[] vector, IEnumerable<StandInPoint> candidates)
    {
        if (!Dense.TryGetValue(name, out var config))
        {
            throw StandInError.WrongInput($"Not existing vector name error: {name}");
        }

        if ((ulong)vector.Length != config.Size)
        {
            throw StandInError.WrongInput($"Vector dimension error: expected dim: {config.Size}, got {vector.Length}");
        }

        var query = config.Distance == Distance.Cosine ? StandInScoring.Normalize(vector) : vector;
        return candidates.Where(p => p.Dense.ContainsKey(name)).Select(p => (p, StandInScoring.Dot(query, p.Dense[name])));
    }

    private IEnumerable<(StandInPoint, double)> SparseScores(string name, (IReadOnlyList<uint> Indices, IReadOnlyList<float> Values) body, IEnumerable<StandInPoint> candidates)
    {
        var query = SparseVector(name, body);
        var withVector = Points.Values.Where(p => p.Sparse.ContainsKey(name)).ToList();

        // N and df are counted once per query term, as Qdrant keeps them in its index, not once per scored point.
        var idfs = SparseModifiers[name] == Modifier.Idf
            ? query.Keys.ToDictionary(term => term, term => StandInScoring.Idf(withVector.Count, withVector.Count(p => p.Sparse[name].ContainsKey(term))))
            : null;
        Func<uint, double>? idf = idfs is null ? null : term => idfs[term];
        foreach (var point in candidates.Where(p => p.Sparse.ContainsKey(name)))
        {
            if (StandInScoring.Sparse(query, point.Sparse[name], idf) is { } score)
            {
                yield return (point, score);
            }
        }
    }
}
