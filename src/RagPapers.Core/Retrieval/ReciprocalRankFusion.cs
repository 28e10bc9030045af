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

        // One entry per distinct item in order of first appearance, keeping the first instance seen. LastList is the
        // list that counted the item last: a duplicate further down the same list must not count twice.
        // Sized for every item distinct: growing them was a tenth of what a hybrid retrieval allocates.
        var capacity = lists.Sum(l => l.Items.Count);
        var positions = new Dictionary<T, int>(capacity, comparer);
        var entries = new List<(T Item, double Score, int LastList)>(capacity);
        for (var l = 0; l < lists.Count; l++)
        {
            var list = lists[l];
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                var contribution = list.Weight / (k + i + 1);
                if (!positions.TryGetValue(item, out var at))
                {
                    positions.Add(item, entries.Count);
                    entries.Add((item, contribution, l));
                }
                else if (entries[at].LastList != l)
                {
                    entries[at] = (entries[at].Item, entries[at].Score + contribution, l);
                }
            }
        }

        // Best first; a tie keeps the order of first appearance. A sort on this total order needs no stability.
        int[] order = [.. Enumerable.Range(0, entries.Count)];
        Array.Sort(order, (a, b) =>
        {
            var byScore = entries[b].Score.CompareTo(entries[a].Score);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return [.. order.Select(i => new ScoredItem<T>(entries[i].Item, entries[i].Score))];
    }
}
