namespace RagPapers.Retrieval;

/// <summary>
/// Maximal marginal relevance: repeatedly picks argmax λ·rel(i) − (1−λ)·max_{s∈selected} sim(i, s).
/// Relevance is min–max normalized to [0, 1] first so λ means the same whatever scale the scores
/// came on (fused RRF scores are tiny numbers like 0.03). Similarities are cosines; a negative one
/// counts as 0, since "unlike" is no more diverse than "unrelated".
/// </summary>
public static class MaximalMarginalRelevance
{
    /// <summary>Indices of up to <paramref name="k"/> candidates in selection order; ties go to the lower index.</summary>
    public static IReadOnlyList<int> Select(IReadOnlyList<double> relevance, Func<int, int, double> similarity, int k, double lambda)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        ArgumentNullException.ThrowIfNull(similarity);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var normalized = Normalize(relevance);
        var maxSimilarity = new double[relevance.Count];
        var chosen = new bool[relevance.Count];
        var selected = new List<int>(Math.Min(k, relevance.Count));
        while (selected.Count < Math.Min(k, relevance.Count))
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < normalized.Length; i++)
            {
                var value = lambda * normalized[i] - (1 - lambda) * maxSimilarity[i];
                if (!chosen[i] && value > bestValue)
                {
                    (best, bestValue) = (i, value);
                }
            }

            chosen[best] = true;
            selected.Add(best);
            for (var i = 0; i < normalized.Length; i++)
            {
                if (!chosen[i])
                {
                    maxSimilarity[i] = Math.Max(maxSimilarity[i], similarity(i, best));
                }
            }
        }

        return selected;
    }

    /// <summary>(r − min) / (max − min); all ones when every score is equal, so none is favoured.</summary>
    public static double[] Normalize(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return [];
        }

        var min = scores.Min();
        var range = scores.Max() - min;
        return [.. scores.Select(s => range > 0 ? (s - min) / range : 1.0)];
    }
}
