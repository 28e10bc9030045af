namespace RagPapers.Retrieval;

/// <summary>
/// Weighted reciprocal rank fusion: score(d) = Σ_i w_i / (k + rank_i(d)), ranks 1-based; a list that
/// does not contain d adds nothing. It uses ranks only, so BM25 scores and cosines, which live on
/// unrelated scales, never have to be calibrated against each other.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>Fused items, best first; ties keep the order in which items were first seen (first list first).</summary>
    public static IReadOnlyList<ScoredItem<T>> Fuse<T>(IReadOnlyList<RankedList<T>> lists, int k, IEqualityComparer<T>? comparer = null)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var scores = new Dictionary<T, (double Score, int FirstSeen)>(comparer);
        foreach (var list in lists)
        {
            var seenInList = new HashSet<T>(comparer);
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                if (!seenInList.Add(item))
                {
                    continue; // a duplicate further down the same list must not count twice
                }

                var contribution = list.Weight / (k + i + 1);
                scores[item] = scores.TryGetValue(item, out var current)
                    ? (current.Score + contribution, current.FirstSeen)
                    : (contribution, scores.Count);
            }
        }

        return scores
            .OrderByDescending(pair => pair.Value.Score)
            .ThenBy(pair => pair.Value.FirstSeen)
            .Select(pair => new ScoredItem<T>(pair.Key, pair.Value.Score))
            .ToArray();
    }
}
