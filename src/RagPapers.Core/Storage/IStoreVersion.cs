namespace RagPapers.Storage;

/// <summary>
/// A store capability (found through <see cref="IPaperIndex.GetService"/>): a number that moves whenever the
/// store's content changes, by this process or another one writing to the same store, so a cache of what was read
/// can tell it is stale.
/// </summary>
public interface IStoreVersion
{
    /// <summary>The current version; a write by another process shows within a second.</summary>
    ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default);
}
