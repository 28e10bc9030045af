using System.Diagnostics;
using RagPapers.Indexing;
using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>
/// Retrieval while the store's semantic index is incomplete: the vectors there cover only part of the collection
/// (or belong to no embedder yet), so dense search would favour the papers embedded first. BM25 ranks alone, a paper's
/// relevance is its query-term coverage, "nothing relevant" uses Retrieval:KeywordOnlyMinRelevance, and the result
/// carries the notice "semantic index 212/516: keyword results only for now". No MMR: there are no vectors to compare
/// papers by. The query is not embedded, so an answer never waits for the embedder the indexer keeps busy.
/// </summary>
public sealed partial class Retriever
{
    private async Task<RetrievalResult> RetrieveByKeywordAsync(RetrievalRequest request, VectorProgress vectors, long started, CancellationToken cancellationToken)
    {
        try
        {
            var topK = request.TopK ?? _options.TopK;
            var pool = Math.Max(_options.CandidatePool, topK * ChunksPerRequestedPaper);
            var keyword = await index.KeywordSearchAsync(request.Query, pool, request.Filter, cancellationToken);
            var scorer = new RelevanceScorer(request.Query);
            var fused = request.RestrictTo is { Count: > 0 } ids
                ? await RestrictedByKeywordAsync(keyword, ids, scorer, request.Filter, cancellationToken)
                : FuseKeywordOnly(keyword);
            var ranked = PaperAggregator.Aggregate(fused).Take(topK).ToArray();
            var papers = await index.GetPapersAsync([.. ranked.Select(r => r.PaperId)], cancellationToken);
            RetrievedPaper[] found = [.. ranked
                .Where(r => papers.ContainsKey(r.PaperId))
                .Select(r => new RetrievedPaper(papers[r.PaperId], r.Score, scorer.Coverage(_paperTerms.Get(papers[r.PaperId])), r.Passages))];
            var best = found.Length == 0 ? 0 : found.Max(p => p.Relevance);
            var result = new RetrievalResult(
                request.Query, found, found.Length > 0 && best >= _options.KeywordOnlyMinRelevance, SemanticIndexNotice.KeywordOnly(vectors), RelevanceThreshold: _options.KeywordOnlyMinRelevance);
            Log.RetrievedByKeyword(logger, found.Length, vectors.Embedded, vectors.Total, Stopwatch.GetElapsedTime(started).TotalMilliseconds, best, result.HasRelevantEvidence);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Canceled(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    /// <summary>
    /// A follow-up about earlier sources: their keyword hits fused with every one of their chunks ranked by term
    /// coverage, which stands in for the exact dense scoring of the hybrid path, so each source can still be found.
    /// </summary>
    private async Task<IReadOnlyList<ChunkHit>> RestrictedByKeywordAsync(
        IReadOnlyList<ChunkHit> keyword, IReadOnlyCollection<string> ids, RelevanceScorer scorer, SearchFilter? filter, CancellationToken cancellationToken)
    {
        var restrictTo = ids.ToHashSet(StringComparer.Ordinal);
        var papers = await index.GetPapersAsync(restrictTo, cancellationToken);
        var chunks = await index.GetChunksAsync([.. papers.Values.Where(p => RestrictedSearch.Matches(filter, p)).Select(p => p.Id)], cancellationToken);
        ChunkHit[] covered = [.. chunks.Values
            .SelectMany(c => c)
            .Select(c => new ChunkHit(c.Chunk.PaperId, c.Chunk.Ordinal, c.Chunk.Text, scorer.Coverage(c.Chunk.Text)))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.PaperId, StringComparer.Ordinal)];
        return Fuse([.. keyword.Where(h => restrictTo.Contains(h.PaperId))], covered);
    }

    /// <summary>One ranked list through the same RRF as the hybrid path, so paper aggregation sees scores of the same shape.</summary>
    private IReadOnlyList<ChunkHit> FuseKeywordOnly(IReadOnlyList<ChunkHit> keyword) =>
        [.. ReciprocalRankFusion.Fuse([new RankedList<ChunkHit>(keyword, 1)], _options.RrfK, ChunkIdentity.Instance).Select(f => f.Item with { Score = f.Score })];
}
