using System.Runtime.CompilerServices;
using Qdrant.Client.Grpc;
using RagPapers.Papers;

namespace RagPapers.Storage.Qdrant;

public sealed partial class QdrantPaperIndex
{
    private static readonly WithPayloadSelector HashFields = Fields(QdrantNames.PaperId, QdrantNames.ContentHash);
    private static readonly WithPayloadSelector ChunkFields = Fields(QdrantNames.PaperId, QdrantNames.Ordinal, QdrantNames.Text);
    private static readonly WithPayloadSelector AllFields = new() { Enable = true };
    private static readonly WithVectorsSelector DenseOnly = new() { Include = new VectorsSelector { Names = { QdrantNames.DenseVector } } };
    private static readonly WithVectorsSelector NoVectors = new() { Enable = false };

    /// <summary>Points per scroll page; pages that carry vectors hold at most 256. Small in tests that exercise paging.</summary>
    internal int PageSize { get; init; } = 1024;

    private int VectorPageSize => Math.Min(PageSize, 256);

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var point in ScrollAllAsync(QdrantFilters.Papers(), HashFields, NoVectors, cancellationToken))
        {
            hashes[PaperPoints.Text(point.Payload, QdrantNames.PaperId) ?? ""] = PaperPoints.Text(point.Payload, QdrantNames.ContentHash) ?? "";
        }

        return hashes;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var qdrant = Opened();
        var hashes = new Dictionary<string, string>(ids.Count, StringComparer.Ordinal);
        foreach (var slice in ids.Distinct(StringComparer.Ordinal).Select(id => PaperPoints.Id(PointIds.Paper(id))).Chunk(PageSize))
        {
            var points = await qdrant.CallAsync("Points/Get", (c, ct) => c.RetrieveAsync(_collection, slice, HashFields, NoVectors, cancellationToken: ct), cancellationToken);
            foreach (var point in points)
            {
                hashes[PaperPoints.Text(point.Payload, QdrantNames.PaperId) ?? ""] = PaperPoints.Text(point.Payload, QdrantNames.ContentHash) ?? "";
            }
        }

        return hashes;
    }

    public async Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetPapersAsync([id], cancellationToken)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var qdrant = Opened();
        var papers = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var slice in ids.Distinct(StringComparer.Ordinal).Select(id => PaperPoints.Id(PointIds.Paper(id))).Chunk(VectorPageSize))
        {
            var points = await qdrant.CallAsync("Points/Get", (c, ct) => c.RetrieveAsync(_collection, slice, withPayload: true, withVectors: false, cancellationToken: ct), cancellationToken);
            foreach (var paper in points.Select(p => PaperPoints.ToPaper(p.Payload)))
            {
                papers[paper.Id] = paper;
            }
        }

        return papers;
    }

    public async Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        var chunks = new List<IndexedChunk>();
        await foreach (var point in ScrollAllAsync(QdrantFilters.ChunksOf(paperId), ChunkFields, DenseOnly, cancellationToken))
        {
            chunks.Add(PaperPoints.ToIndexedChunk(point));
        }

        return [.. chunks.OrderBy(c => c.Chunk.Ordinal)];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(
        IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        Opened(); // fails fast when not open, even for an empty list
        var byPaper = new Dictionary<string, List<IndexedChunk>>(StringComparer.Ordinal);

        // One scroll per slice of ids (a match-any filter), not one per paper; slices keep each request bounded.
        foreach (var slice in paperIds.Distinct(StringComparer.Ordinal).Chunk(PageSize))
        {
            await foreach (var point in ScrollAllAsync(QdrantFilters.ChunksOf(slice), ChunkFields, DenseOnly, cancellationToken))
            {
                var chunk = PaperPoints.ToIndexedChunk(point);
                if (!byPaper.TryGetValue(chunk.Chunk.PaperId, out var chunks))
                {
                    byPaper.Add(chunk.Chunk.PaperId, chunks = []);
                }

                chunks.Add(chunk);
            }
        }

        return byPaper.ToDictionary(p => p.Key, p => (IReadOnlyList<IndexedChunk>)[.. p.Value.OrderBy(c => c.Chunk.Ordinal)], StringComparer.Ordinal);
    }

    private static WithPayloadSelector Fields(params string[] fields) => new() { Include = new PayloadIncludeSelector { Fields = { fields } } };

    private async IAsyncEnumerable<RetrievedPoint> ScrollAllAsync(
        Filter filter, WithPayloadSelector payload, WithVectorsSelector vectors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var qdrant = Opened();
        var limit = (uint)(vectors.Include is null ? PageSize : VectorPageSize);
        PointId? offset = null;
        do
        {
            var from = offset;
            var page = await qdrant.CallAsync("Points/Scroll", (c, ct) => c.ScrollAsync(_collection, filter, limit, from, payload, vectors, cancellationToken: ct), cancellationToken);
            foreach (var point in page.Result)
            {
                yield return point;
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }
}
