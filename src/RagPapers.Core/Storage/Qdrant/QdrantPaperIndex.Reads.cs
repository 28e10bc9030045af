using System.Runtime.CompilerServices;
using System.Text.Json;
using RagPapers.Ingestion;
using RagPapers.Papers;

namespace RagPapers.Storage.Qdrant;

public sealed partial class QdrantPaperIndex
{
    /// <summary>Points per scroll page; pages that carry vectors hold at most 256. Small in tests that exercise paging.</summary>
    internal int PageSize { get; init; } = 1024;

    private int VectorPageSize => Math.Min(PageSize, 256);
    private static readonly string[] HashFields = [QdrantNames.PaperId, QdrantNames.ContentHash];
    private static readonly string[] ChunkFields = [QdrantNames.PaperId, QdrantNames.Ordinal, QdrantNames.Text];
    private static readonly string[] DenseOnly = [QdrantNames.DenseVector];

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var point in ScrollAllAsync(QdrantFilters.Papers(), HashFields, withVector: false, cancellationToken))
        {
            hashes[point.Payload!.PaperId] = point.Payload.ContentHash ?? "";
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
        foreach (var slice in ids.Distinct(StringComparer.Ordinal).Select(PointIds.Paper).Chunk(VectorPageSize))
        {
            foreach (var point in await qdrant.GetPointsAsync(collection, new GetPointsRequest(slice, WithPayload: true, WithVector: false), cancellationToken))
            {
                papers[point.Payload!.PaperId] = PaperPoints.ToPaper(point.Payload);
            }
        }

        return papers;
    }

    public async Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        var chunks = new List<IndexedChunk>();
        await foreach (var point in ScrollAllAsync(QdrantFilters.ChunksOf(paperId), ChunkFields, withVector: true, cancellationToken))
        {
            chunks.Add(ToIndexedChunk(point));
        }

        return [.. chunks.OrderBy(c => c.Chunk.Ordinal)];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(
        IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        _ = Opened(); // fails fast when not open, even for an empty list
        var byPaper = new Dictionary<string, List<IndexedChunk>>(StringComparer.Ordinal);

        // One scroll per slice of ids (a match-any filter), not one per paper; slices keep each request body bounded.
        foreach (var slice in paperIds.Distinct(StringComparer.Ordinal).Chunk(PageSize))
        {
            await foreach (var point in ScrollAllAsync(QdrantFilters.ChunksOf(slice), ChunkFields, withVector: true, cancellationToken))
            {
                var chunk = ToIndexedChunk(point);
                if (!byPaper.TryGetValue(chunk.Chunk.PaperId, out var chunks))
                {
                    byPaper.Add(chunk.Chunk.PaperId, chunks = []);
                }

                chunks.Add(chunk);
            }
        }

        return byPaper.ToDictionary(p => p.Key, p => (IReadOnlyList<IndexedChunk>)[.. p.Value.OrderBy(c => c.Chunk.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>
    /// Dated papers newest first through order_by on the datetime index, which pages by value: the next page starts
    /// from the last date seen (inclusive) and leaves out the points already returned at that date. Papers of one
    /// date are sorted by title once the date is complete. Undated papers, which order_by skips, come last by title.
    /// </summary>
    public async IAsyncEnumerable<Paper> ListPapersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var qdrant = Opened();
        var sameDate = new List<(string PointId, Paper Paper)>();
        string? date = null;
        for (var full = true; full;)
        {
            var seen = sameDate.Count == 0 ? null : new[] { new Condition(HasId: [.. sameDate.Select(p => p.PointId)]) };
            var request = new ScrollRequest(new Filter(Must: [QdrantFilters.IsPaper], MustNot: seen), PageSize, true, false, OrderBy: new OrderBy(QdrantNames.Published, "desc", date));
            var page = (await qdrant.ScrollAsync(collection, request, cancellationToken)).Points;
            foreach (var point in page)
            {
                if (point.Payload!.Published != date)
                {
                    foreach (var paper in ByTitle(sameDate.Select(p => p.Paper)))
                    {
                        yield return paper;
                    }

                    sameDate.Clear();
                    date = point.Payload.Published;
                }

                sameDate.Add((IdText(point.Id), PaperPoints.ToPaper(point.Payload)));
            }

            full = page.Count == PageSize;
        }

        foreach (var paper in ByTitle(sameDate.Select(p => p.Paper)))
        {
            yield return paper;
        }

        var undated = new List<Paper>();
        var noDate = new Filter(Must: [QdrantFilters.IsPaper, new Condition(IsEmpty: new PayloadField(QdrantNames.Published))]);
        await foreach (var point in ScrollAllAsync(noDate, true, withVector: false, cancellationToken))
        {
            undated.Add(PaperPoints.ToPaper(point.Payload!));
        }

        foreach (var paper in ByTitle(undated))
        {
            yield return paper;
        }
    }

    private static IndexedChunk ToIndexedChunk(StoredPoint point) =>
        new(new Chunk(point.Payload!.PaperId, point.Payload.Ordinal ?? 0, point.Payload.Text ?? ""), point.Vector?.GetValueOrDefault(QdrantNames.DenseVector) ?? []);

    private static IEnumerable<Paper> ByTitle(IEnumerable<Paper> papers) =>
        papers.OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal);

    private static string IdText(JsonElement id) => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();

    private async IAsyncEnumerable<StoredPoint> ScrollAllAsync(
        Filter filter, object withPayload, bool withVector, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var qdrant = Opened();
        JsonElement? offset = null;
        do
        {
            var request = new ScrollRequest(filter, withVector ? VectorPageSize : PageSize, withPayload, withVector ? DenseOnly : false, offset);
            var page = await qdrant.ScrollAsync(collection, request, cancellationToken);
            foreach (var point in page.Points)
            {
                yield return point;
            }

            offset = page.NextPageOffset is { ValueKind: not JsonValueKind.Null } next ? next : null;
        }
        while (offset is not null);
    }
}
