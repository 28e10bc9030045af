namespace RagPapers.Server.Hosting;

public enum CollectionStatus
{
    Loading,
    Ready,
    Failed,
}
