using RagPapers.Storage;

namespace RagPapers.Server.Caching;

/// <summary>
/// Passes every call to the store and records each write in <see cref="StoreChanges"/>. Capabilities are forwarded
/// by the base, so the retriever still finds the store's own (Qdrant's one-call hybrid search) through this wrapper.
/// </summary>
internal sealed class ChangeTrackingPaperIndex(IPaperIndex inner, StoreChanges changes) : DelegatingPaperIndex(inner)
{
    public override async Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default)
    {
        await Inner.OpenAsync(embedder, cancellationToken);
        changes.Record();
    }

    public override async Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        try
        {
            await Inner.UpsertAsync(batch, cancellationToken);
        }
        finally
        {
            changes.Record(); // also after a failed batch: whatever it left is what later reads see
        }
    }

    public override async Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Inner.DeleteBySourceAsync(source, cancellationToken);
        }
        finally
        {
            changes.Record();
        }
    }
}
