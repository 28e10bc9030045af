namespace RagPapers.Testing.Qdrant;

/// <summary>Qdrant's scores: cosine on normalized vectors, sparse dot product with the IDF modifier, and RRF.</summary>
internal static class StandInScoring
{
    public static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    public static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)), N = points with this sparse vector, df = those holding t.</summary>
    public static double Idf(long total, long withTerm) => Math.Log(1 + ((total - withTerm + 0.5) / (withTerm + 0.5)));

    /// <summary>
    /// Σ query·stored over the indices both hold, each query weight multiplied by its idf when the modifier is on;
    /// null when no index is shared (such a point is not a sparse match at all).
    /// </summary>
    public static double? Sparse(SortedDictionary<uint, float> query, SortedDictionary<uint, float> stored, Func<uint, double>? idf)
    {
        double? score = null;
        foreach (var (index, weight) in query)
        {
            if (stored.TryGetValue(index, out var value))
            {
                score = (score ?? 0) + (weight * (idf?.Invoke(index) ?? 1) * value);
            }
        }

        return score;
    }

    /// <summary>Reciprocal rank fusion as Qdrant computes it: Σ weight / (rank₀ + k), ranks from 0; k defaults to 2.</summary>
    public static List<(StandInPoint Point, double Score)> Rrf(IReadOnlyList<List<(StandInPoint Point, double Score)>> lists, uint k, IReadOnlyList<double> weights)
    {
        var fused = new Dictionary<string, (StandInPoint Point, double Score)>(StringComparer.Ordinal);
        for (var list = 0; list < lists.Count; list++)
        {
            for (var rank = 0; rank < lists[list].Count; rank++)
            {
                var point = lists[list][rank].Point;
                var add = weights[list] / (rank + k);
                fused[point.Id] = fused.TryGetValue(point.Id, out var current) ? (point, current.Score + add) : (point, add);
            }
        }

        return [.. fused.Values.OrderByDescending(f => f.Score).ThenBy(f => f.Point.Id, StandInIds.ScrollOrder)];
    }
}
