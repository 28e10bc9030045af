using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>
/// Dense search over a few named papers. A follow-up about earlier sources must find them even when
/// none of their chunks make the collection-wide candidate pool, so their chunks are scored exactly.
/// </summary>
internal static class RestrictedSearch
{
    /// <summary>Every chunk of the named papers that pass <paramref name="filter"/>, by cosine with the query, best first.</summary>
    public static async Task<IReadOnlyList<ChunkHit>> DenseAsync(
        IPaperIndex index,
        ChunkCache chunks,
        IReadOnlyCollection<string> paperIds,
        ReadOnlyMemory<float> query,
        SearchFilter? filter,
        CancellationToken cancellationToken)
    {
        var papers = await index.GetPapersAsync(paperIds, cancellationToken);
        var passing = papers.Values.Where(p => Matches(filter, p)).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        await chunks.LoadAsync(passing.Select(p => p.Id), cancellationToken);
        var hits = new List<ChunkHit>();
        foreach (var paper in passing)
        {
            foreach (var indexed in await chunks.GetAsync(paper.Id, cancellationToken))
            {
                var chunk = indexed.Chunk;
                hits.Add(new ChunkHit(chunk.PaperId, chunk.Ordinal, chunk.Text, VectorMath.Cosine(query.Span, indexed.Vector.Span)));
            }
        }

        return [.. hits.OrderByDescending(h => h.Score)];
    }

    /// <summary>The filter as the index applies it: inclusive date range (undated papers fail a date bound unless included) and source file name.</summary>
    public static bool Matches(SearchFilter? filter, Paper paper)
    {
        if (filter is null || filter.IsEmpty)
        {
            return true;
        }

        return filter.AdmitsDate(paper.Published)
            && (string.IsNullOrEmpty(filter.Source) || string.Equals(filter.Source, paper.Source, StringComparison.OrdinalIgnoreCase));
    }
}
