using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>Papers like a given one: by the centroid of its chunk vectors, or by its title while the semantic index is incomplete.</summary>
public sealed partial class Retriever
{
    public async Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        cancellationToken.ThrowIfCancellationRequested();
        if (index.GetService<IDeferredVectorIndex>()?.Progress is { IsComplete: false })
        {
            return await SimilarByTitleAsync(paperId, top, cancellationToken);
        }

        var own = await index.GetChunksAsync(paperId, cancellationToken);
        if (own.Count == 0 || top <= 0)
        {
            return [];
        }

        var centroid = VectorMath.Centroid(own.Select(c => c.Vector));
        var hits = await index.VectorSearchAsync(centroid, _options.CandidatePool + own.Count, filter: null, cancellationToken);
        var ranked = PaperAggregator.Aggregate(hits.Where(h => h.PaperId != paperId)).Take(top).ToArray();
        var papers = await index.GetPapersAsync([.. ranked.Select(r => r.PaperId)], cancellationToken);

        // Relevance here is the best chunk's cosine with the paper's centroid: absolute, and 0 for opposites.
        var similar = ranked
            .Where(r => papers.ContainsKey(r.PaperId))
            .Select(r => new RetrievedPaper(papers[r.PaperId], r.Score, Math.Clamp(r.Passages[0].Score, 0, 1), r.Passages))
            .ToArray();
        Log.FoundSimilar(logger, similar.Length, paperId);
        return similar;
    }

    // Without vectors, the paper's title is the query (it names what the paper is about), and relevance is how much
    // of the title another paper covers.
    private async Task<IReadOnlyList<RetrievedPaper>> SimilarByTitleAsync(string paperId, int top, CancellationToken cancellationToken)
    {
        if (top <= 0 || await index.GetPaperAsync(paperId, cancellationToken) is not { } paper)
        {
            return [];
        }

        var hits = await index.KeywordSearchAsync(paper.Title, _options.CandidatePool, filter: null, cancellationToken);
        var ranked = PaperAggregator.Aggregate(FuseKeywordOnly(hits.Where(h => h.PaperId != paperId).ToArray())).Take(top).ToArray();
        var papers = await index.GetPapersAsync([.. ranked.Select(r => r.PaperId)], cancellationToken);
        var scorer = new RelevanceScorer(paper.Title);
        var similar = ranked
            .Where(r => papers.ContainsKey(r.PaperId))
            .Select(r => new RetrievedPaper(papers[r.PaperId], r.Score, scorer.Coverage(_paperTerms.Get(papers[r.PaperId])), r.Passages))
            .ToArray();
        Log.FoundSimilar(logger, similar.Length, paperId);
        return similar;
    }
}
