using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>
/// Hybrid retrieval: BM25 and dense chunk search run side by side, are fused by weighted RRF,
/// aggregated per paper, scored for absolute relevance, and diversified with MMR. While a store's
/// semantic index is incomplete (<see cref="IDeferredVectorIndex"/>) retrieval is by keyword alone,
/// and says so in its notice.
/// </summary>
public sealed partial class Retriever(
    IPaperIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<RetrievalOptions> options,
    ILogger<Retriever> logger) : IPaperRetriever
{
    // MMR chooses among this many times TopK papers: wide enough to swap a near-duplicate for the next
    // distinct paper, narrow enough that scoring every candidate stays within the ask budget.
    private const int MmrPoolFactor = 3;

    // Chunks fetched per paper asked for, when that is more than CandidatePool: a deep ranking (an evaluation run
    // 100 papers deep) must not be cut short because the two chunk lists hold fewer distinct papers than asked.
    private const int ChunksPerRequestedPaper = 3;

    private readonly RetrievalOptions _options = options.Value;
    private readonly PaperTermCache _paperTerms = new();

    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return new RetrievalResult(request.Query, [], HasRelevantEvidence: false);
        }

        var started = Stopwatch.GetTimestamp();
        Log.Retrieving(logger, request.Query);
        if (index.GetService<IDeferredVectorIndex>()?.Progress is { IsComplete: false } vectors)
        {
            return await RetrieveByKeywordAsync(request, vectors, started, cancellationToken);
        }

        try
        {
            // Not awaited yet: an embedder that takes milliseconds (a remote endpoint, MiniLM on the thread pool) works
            // while the keyword search runs; the local one has finished by the time the call returns.
            var embedding = embedder.GenerateVectorAsync(request.Query, cancellationToken: cancellationToken);
            var chunks = new ChunkCache(index);
            var topK = request.TopK ?? _options.TopK;
            var pool = Math.Max(_options.CandidatePool, topK * ChunksPerRequestedPaper);
            var fused = await SearchAndFuseAsync(request, embedding, pool, chunks, cancellationToken);
            var query = await embedding;
            var diversify = request.Diversify && _options.MmrLambda < 1;
            var ranked = PaperAggregator.Aggregate(fused).Take(diversify ? topK * MmrPoolFactor : topK).ToArray();
            var candidates = await ScoreAsync(ranked, request.Query, query, chunks, diversify, cancellationToken);
            var papers = diversify ? Diversify(candidates, topK) : [.. candidates.Select(ToRetrieved)];
            var best = papers.Count == 0 ? 0 : papers.Max(p => p.Relevance);
            var result = new RetrievalResult(request.Query, papers, papers.Count > 0 && best >= _options.MinRelevance, RelevanceThreshold: _options.MinRelevance);
            Log.Retrieved(logger, papers.Count, fused.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, best, result.HasRelevantEvidence);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Canceled(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    /// <summary>
    /// Keyword and dense chunk hits fused by weighted RRF: in one call when the index fuses itself (Qdrant), else two
    /// searches fused here. A follow-up restricted to earlier sources always takes the second way, as its dense side
    /// scores those papers' chunks exactly.
    /// </summary>
    private async Task<IReadOnlyList<ChunkHit>> SearchAndFuseAsync(
        RetrievalRequest request, Task<ReadOnlyMemory<float>> embedding, int pool, ChunkCache chunks, CancellationToken cancellationToken)
    {
        if (index.GetService<IHybridSearchIndex>() is { } hybrid && request.RestrictTo is not { Count: > 0 })
        {
            var query = await embedding;
            var fused = await hybrid.HybridSearchAsync(
                new HybridSearchRequest(request.Query, query, pool, _options.KeywordWeight, _options.RrfK, request.Filter), cancellationToken);
            Log.FusedByIndex(logger, fused.Count);
            return fused;
        }

        var (keyword, dense) = await SearchAsync(request, embedding, pool, chunks, cancellationToken);
        Log.Searched(logger, keyword.Count, dense.Count);
        return Fuse(keyword, dense);
    }

    private async Task<(IReadOnlyList<ChunkHit> Keyword, IReadOnlyList<ChunkHit> Dense)> SearchAsync(
        RetrievalRequest request, Task<ReadOnlyMemory<float>> embedding, int pool, ChunkCache chunks, CancellationToken cancellationToken)
    {
        // A store whose async calls complete synchronously (Microsoft.Data.Sqlite) would run the two searches one after
        // the other on this thread; the collection-wide dense scan (behind the embedding) goes to the thread pool first
        // so that they overlap.
        var restrictTo = request.RestrictTo is { Count: > 0 } ids ? ids.ToHashSet(StringComparer.Ordinal) : null;
        var denseTask = restrictTo is null
            ? Task.Run(async () => await index.VectorSearchAsync(await embedding, pool, request.Filter, cancellationToken), cancellationToken)
            : RestrictedDenseAsync(chunks, restrictTo, embedding, request.Filter, cancellationToken);
        var keywordTask = index.KeywordSearchAsync(request.Query, pool, request.Filter, cancellationToken);
        await Task.WhenAll(keywordTask, denseTask);
        var keyword = await keywordTask;
        if (restrictTo is not null)
        {
            keyword = [.. keyword.Where(h => restrictTo.Contains(h.PaperId))];
        }

        return (keyword, await denseTask);
    }

    private async Task<IReadOnlyList<ChunkHit>> RestrictedDenseAsync(
        ChunkCache chunks, HashSet<string> restrictTo, Task<ReadOnlyMemory<float>> embedding, SearchFilter? filter, CancellationToken cancellationToken) =>
        await RestrictedSearch.DenseAsync(index, chunks, restrictTo, await embedding, filter, cancellationToken);

    private IReadOnlyList<ChunkHit> Fuse(IReadOnlyList<ChunkHit> keyword, IReadOnlyList<ChunkHit> dense)
    {
        var lists = new[]
        {
            new RankedList<ChunkHit>(keyword, _options.KeywordWeight),
            new RankedList<ChunkHit>(dense, 1 - _options.KeywordWeight),
        };
        return [.. ReciprocalRankFusion.Fuse(lists, _options.RrfK, ChunkIdentity.Instance).Select(f => f.Item with { Score = f.Score })];
    }

    /// <summary>Relevance of each ranked paper, and for MMR the centroid of its matching chunks (empty when not diversifying).</summary>
    private async Task<IReadOnlyList<Candidate>> ScoreAsync(
        PaperHits[] ranked, string queryText, ReadOnlyMemory<float> query, ChunkCache chunks, bool diversify, CancellationToken cancellationToken)
    {
        string[] ids = [.. ranked.Select(r => r.PaperId)];
        var papers = await index.GetPapersAsync(ids, cancellationToken);
        await chunks.LoadAsync(ids, cancellationToken);
        var scorer = new RelevanceScorer(queryText);
        var candidates = new List<Candidate>(ranked.Length);
        foreach (var hits in ranked)
        {
            if (!papers.TryGetValue(hits.PaperId, out var paper))
            {
                continue; // removed since the search ran
            }

            var paperChunks = await chunks.GetAsync(hits.PaperId, cancellationToken);
            var bestCosine = paperChunks.Count == 0 ? 0 : paperChunks.Max(c => VectorMath.Cosine(query.Span, c.Vector.Span));
            var centroid = diversify ? VectorMath.Centroid(paperChunks.Where(c => hits.Passages.Any(p => p.Ordinal == c.Chunk.Ordinal)).Select(c => c.Vector)) : [];
            candidates.Add(new Candidate(hits, paper, centroid, scorer.Score(_paperTerms.Get(paper), bestCosine)));
        }

        return candidates;
    }

    private IReadOnlyList<RetrievedPaper> Diversify(IReadOnlyList<Candidate> candidates, int topK)
    {
        var order = MaximalMarginalRelevance.Select(
            [.. candidates.Select(c => c.Hits.Score)],
            (a, b) => VectorMath.Cosine(candidates[a].Vector, candidates[b].Vector),
            topK,
            _options.MmrLambda);
        return [.. order.Select(i => ToRetrieved(candidates[i]))];
    }

    private static RetrievedPaper ToRetrieved(Candidate candidate) =>
        new(candidate.Paper, candidate.Hits.Score, candidate.Relevance, candidate.Hits.Passages);

    private sealed record Candidate(PaperHits Hits, Paper Paper, float[] Vector, double Relevance);
}
