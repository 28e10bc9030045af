namespace RagPapers.Server.Caching;

/// <summary>A counter bumped after every write to the store, so caches of what was read can tell they are stale.</summary>
public sealed class StoreChanges
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Record() => Interlocked.Increment(ref _generation);
}
