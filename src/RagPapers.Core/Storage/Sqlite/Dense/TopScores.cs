namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The best <c>capacity</c> (score, chunk id) pairs offered, in one pass with a min-heap (O(n log k), no full sort).
/// A tie goes to the lower chunk id, so results are deterministic.
/// </summary>
internal sealed class TopScores(int capacity)
{
    private readonly PriorityQueue<long, (float Score, long Id)> _heap = new(capacity + 1, WorstFirst.Instance);

    public int Count => _heap.Count;

    public void Offer(float score, long id)
    {
        if (capacity <= 0 || float.IsNaN(score))
        {
            return;
        }

        if (_heap.Count < capacity)
        {
            _heap.Enqueue(id, (score, id));
        }
        else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, id), worst) > 0)
        {
            _heap.DequeueEnqueue(id, (score, id));
        }
    }

    /// <summary>The pairs kept, best first; empties the heap.</summary>
    public List<(float Score, long Id)> DrainBestFirst()
    {
        var ranked = new (float Score, long Id)[_heap.Count];
        for (var i = ranked.Length - 1; _heap.TryDequeue(out _, out var entry); i--)
        {
            ranked[i] = entry;
        }

        return [.. ranked];
    }

    public List<long> IdsBestFirst() => [.. DrainBestFirst().Select(e => e.Id)];

    /// <summary>Orders entries worst first: lower score, then (on a tie) the higher chunk id.</summary>
    private sealed class WorstFirst : IComparer<(float Score, long Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, long Id) x, (float Score, long Id) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Id.CompareTo(x.Id);
    }
}
