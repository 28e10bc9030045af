namespace RagPapers.Storage.Qdrant;

public sealed partial class QdrantPaperIndex
{
    // Bounds one request: 256 chunk points of 512 floats are about 3 MB of JSON, far below Qdrant's 32 MB limit.
    private const int MaxPointsPerRequest = 256;

    public async Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var qdrant = Opened();
        if (batch.Count == 0)
        {
            return;
        }

        var dimensions = embedder!.Dimensions;
        foreach (var document in batch)
        {
            if (document.Chunks.FirstOrDefault(c => c.Vector.Length != dimensions) is { } wrong)
            {
                throw new ArgumentException($"Paper {document.Paper.Id} has a {wrong.Vector.Length}-dim vector; the store holds {dimensions}-dim vectors.", nameof(batch));
            }
        }

        // Stale chunks, then chunks, then the paper points: the paper point (and its content hash) lands last.
        var chunks = batch.SelectMany(d => d.Chunks.Select(c => PaperPoints.Chunk(d.Paper, c, encoder!))).ToList();
        await qdrant.DeleteAsync(collection, QdrantFilters.StaleChunks(batch), cancellationToken);
        foreach (var slice in chunks.Chunk(MaxPointsPerRequest))
        {
            await qdrant.UpsertAsync(collection, new UpsertPointsRequest(slice), cancellationToken);
        }

        foreach (var slice in batch.Select(PaperPoints.Paper).Chunk(MaxPointsPerRequest))
        {
            await qdrant.UpsertAsync(collection, new UpsertPointsRequest(slice), cancellationToken);
        }

        Log.BatchUpserted(logger, batch.Count, chunks.Count);
    }

    public async Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var qdrant = Opened();
        var bySource = Condition.Equal(QdrantNames.Source, source);
        var papers = checked((int)await qdrant.CountAsync(collection, new Filter(Must: [QdrantFilters.IsPaper, bySource]), cancellationToken));

        // Paper and chunk points both carry the source, so one delete by filter removes the papers whole.
        await qdrant.DeleteAsync(collection, new Filter(Must: [bySource]), cancellationToken);
        Log.SourceDeleted(logger, papers, source);
        return papers;
    }
}
