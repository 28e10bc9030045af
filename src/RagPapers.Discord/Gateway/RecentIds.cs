namespace RagPapers.Discord.Gateway;

/// <summary>
/// The ids of the last events handled, so one delivered twice (a replay that overlaps what arrived before a drop)
/// is answered once. Bounded: the oldest id is forgotten first.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time <paramref name="id"/> is seen.</summary>
    public bool Add(string id)
    {
        lock (_gate)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
