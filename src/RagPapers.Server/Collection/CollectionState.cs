namespace RagPapers.Server.Collection;

/// <summary>Whether the collection has been loaded at start-up: the API answers only once it is ready.</summary>
public sealed class CollectionState
{
    private volatile Snapshot _current = new(CollectionStatus.Loading, "The collection is being loaded.");

    public CollectionStatus Status => _current.Status;

    public string Description => _current.Description;

    public bool IsReady => _current.Status == CollectionStatus.Ready;

    public void MarkReady(string description) => _current = new Snapshot(CollectionStatus.Ready, description);

    public void MarkFailed(string description) => _current = new Snapshot(CollectionStatus.Failed, description);

    private sealed record Snapshot(CollectionStatus Status, string Description);
}
