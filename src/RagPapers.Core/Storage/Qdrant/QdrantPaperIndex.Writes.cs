namespace RagPapers.Storage.Qdrant;

public sealed partial class QdrantPaperIndex
{
    // Bounds one call: 256 chunk points of 512 floats are about 1 MB of protobuf, far below Qdrant's gRPC limit.
    private const int MaxPointsPerRequest = 256;

    public async Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var qdrant = Opened();
        if (batch.Count == 0)
        {
            return;
        }

        var dimensions = _embedder!.Dimensions;
        foreach (var document in batch)
        {
            if (document.Chunks.FirstOrDefault(c => c.Vector.Length != dimensions) is { } wrong)
            {
                throw new ArgumentException($"Paper {document.Paper.Id} has a {wrong.Vector.Length}-dim vector; the store holds {dimensions}-dim vectors.", nameof(batch));
            }
        }

        // Stale chunks, then chunks, then the paper points: the paper point (and its content hash) lands last.
        var chunks = batch.SelectMany(d => d.Chunks.Select(c => PaperPoints.Chunk(d.Paper, c, _encoder!))).ToList();
        var stale = QdrantFilters.StaleChunks(batch);
        await qdrant.CallAsync("Points/Delete", (c, ct) => c.DeleteAsync(_collection, stale, wait: true, cancellationToken: ct), cancellationToken);
        foreach (var slice in chunks.Chunk(MaxPointsPerRequest).Concat(batch.Select(PaperPoints.Paper).Chunk(MaxPointsPerRequest)))
        {
            await qdrant.CallAsync("Points/Upsert", (c, ct) => c.UpsertAsync(_collection, slice, wait: true, cancellationToken: ct), cancellationToken);
        }

        Log.BatchUpserted(_logger, batch.Count, chunks.Count);
    }

    public async Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var qdrant = Opened();
        var papers = await CountAsync(QdrantFilters.BySource(source, papersOnly: true), cancellationToken);

        // Paper and chunk points both carry the source, so one delete by filter removes the papers whole.
        var all = QdrantFilters.BySource(source, papersOnly: false);
        await qdrant.CallAsync("Points/Delete", (c, ct) => c.DeleteAsync(_collection, all, wait: true, cancellationToken: ct), cancellationToken);
        Log.SourceDeleted(_logger, papers, source);
        return papers;
    }
}
