namespace RagPapers.Server.Collection;

public enum CollectionStatus
{
    Loading,
    Ready,
    Failed,
}
