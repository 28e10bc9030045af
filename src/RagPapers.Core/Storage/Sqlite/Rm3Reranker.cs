using System.Buffers;
using System.Runtime.InteropServices;
using RagPapers.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// RM3 pseudo-relevance feedback over FTS5 results. Claims and questions rarely use all the words of the abstract
/// that answers them; the abstracts BM25 ranks first usually do, so their most frequent informative terms are
/// added to the query, and the candidates are ranked again by
/// λ · bm25(query) / |query| + (1 − λ) · Σ_t p(t|R) · bm25(t), with p(t|R) = Σ_d w_d · tf(t, d) / |d| over the
/// feedback chunks d, w_d = exp(s_d − s_max) from their first-pass scores, normalized over the chosen terms.
/// </summary>
/// <remarks>
/// bm25(t) is FTS5's own formula (<see cref="FtsBm25"/>), so the expansion part is on the query part's scale.
/// Chosen on SciFact train: 10 chunks, 40 terms, λ 0.6, 300 candidates (docs/benchmarks.md).
/// </remarks>
internal static class Rm3Reranker
{
    /// <summary>The hits ranked again, best first, at most <paramref name="top"/>; scores are the mixed ones.</summary>
    /// <param name="hits">First-pass hits (chunk rowid, FTS5 score), best first.</param>
    /// <param name="queryTerms">How many terms the first-pass query OR-ed: the query part is their mean.</param>
    public static IReadOnlyList<(long Id, double Score)> Rerank(
        IReadOnlyList<(long Id, double Score)> hits, int queryTerms, IKeywordStatistics statistics, KeywordFeedback feedback,
        double titleWeight, int top)
    {
        var expansion = ExpansionTerms(hits, statistics, feedback);
        if (expansion.Count == 0)
        {
            return [.. hits.Take(top)];
        }

        // Each candidate's terms are walked against a table of the expansion weights indexed by term id: one array
        // read per term of the chunk instead of a search per expansion term. Rented (the shared pool hands arrays
        // back as their last user left them, hence the clear).
        var weights = ArrayPool<double>.Shared.Rent(statistics.TermCount);
        try
        {
            Array.Clear(weights, 0, statistics.TermCount);
            foreach (var (termId, weight) in expansion)
            {
                weights[termId] = weight * FtsBm25.Idf(statistics.DocumentFrequency(termId), statistics.ChunkCount);
            }

            var lambda = feedback.OriginalWeight;
            var scored = new (long Id, double Score)[hits.Count];
            for (var i = 0; i < hits.Count; i++)
            {
                var (id, first) = hits[i];
                var expanded = statistics.TryGetChunk(id, out var chunk) ? ExpansionScore(chunk, weights, titleWeight, statistics.AverageLength) : 0;
                scored[i] = (id, (lambda * first / Math.Max(1, queryTerms)) + ((1 - lambda) * expanded));
            }

            // Stable on ties: the first pass's order decides between equal scores.
            return [.. scored.Select((s, i) => (s, i)).OrderByDescending(x => x.s.Score).ThenBy(x => x.i).Take(top).Select(x => x.s)];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weights);
        }
    }

    /// <summary>Σ_t p(t|R) · bm25(t, chunk) over the expansion terms, whose p(t|R) · IDF sit in <paramref name="weights"/>.</summary>
    private static double ExpansionScore(FtsTermStatistics.ChunkTerms chunk, double[] weights, double titleWeight, double averageLength)
    {
        var saturation = FtsBm25.Saturation(chunk.Length, averageLength);
        var score = 0.0;
        for (var t = 0; t < chunk.TermIds.Length; t++)
        {
            var weight = weights[chunk.TermIds[t]];
            if (weight != 0)
            {
                var frequency = (titleWeight * chunk.TitleCounts[t]) + chunk.TextCounts[t];
                score += FtsBm25.Score(weight, frequency, saturation);
            }
        }

        return score;
    }

    /// <summary>The feedback terms with their normalized weights p(t|R), most likely first.</summary>
    internal static IReadOnlyList<(int TermId, double Weight)> ExpansionTerms(
        IReadOnlyList<(long Id, double Score)> hits, IKeywordStatistics statistics, KeywordFeedback feedback)
    {
        if (hits.Count == 0 || !feedback.IsOn)
        {
            return [];
        }

        var best = hits[0].Score;
        var likelihood = new Dictionary<int, double>();
        foreach (var (id, score) in hits.Take(feedback.Documents))
        {
            if (!statistics.TryGetChunk(id, out var chunk) || chunk.Length == 0)
            {
                continue;
            }

            var weight = Math.Exp(score - best) / chunk.Length;
            for (var t = 0; t < chunk.TermIds.Length; t++)
            {
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(likelihood, chunk.TermIds[t], out _);
                sum += weight * (chunk.TitleCounts[t] + chunk.TextCounts[t]);
            }
        }

        var chosen = MostLikely(likelihood, statistics, feedback.Terms);
        var total = chosen.Sum(p => p.Weight);
        return total <= 0 ? [] : [.. chosen.Select(p => (p.TermId, p.Weight / total))];
    }

    /// <summary>
    /// The <paramref name="count"/> informative terms of highest likelihood (ties to the lower term id), most likely
    /// first. A heap of the best so far: a term that could not enter it is never asked whether it is informative.
    /// </summary>
    private static (int TermId, double Weight)[] MostLikely(Dictionary<int, double> likelihood, IKeywordStatistics statistics, int count)
    {
        var best = new PriorityQueue<int, (double Weight, int TermId)>(count + 1, LeastLikelyFirst.Instance);
        foreach (var (termId, weight) in likelihood)
        {
            var full = best.Count >= count;
            if (full && (!best.TryPeek(out _, out var worst) || LeastLikelyFirst.Instance.Compare((weight, termId), worst) <= 0))
            {
                continue;
            }

            if (!IsInformative(termId, statistics))
            {
                continue;
            }

            if (full)
            {
                best.DequeueEnqueue(termId, (weight, termId));
            }
            else
            {
                best.Enqueue(termId, (weight, termId));
            }
        }

        var chosen = new (int TermId, double Weight)[best.Count];
        for (var i = chosen.Length - 1; best.TryDequeue(out var termId, out var entry); i--)
        {
            chosen[i] = (termId, entry.Weight);
        }

        return chosen;
    }

    // Terms in half the chunks or more score ~0 in FTS5's bm25 (see SqlitePaperIndex.Informative); stop words and bare
    // numbers are frequent in the feedback chunks without saying what they are about.
    private static bool IsInformative(int termId, IKeywordStatistics statistics)
    {
        if (2L * statistics.DocumentFrequency(termId) >= statistics.ChunkCount)
        {
            return false;
        }

        var term = statistics.Term(termId);
        return !TextAnalyzer.IsStopWord(term) && term.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0;
    }

    /// <summary>Orders (likelihood, term) least likely first: lower likelihood, then (on a tie) the higher term id.</summary>
    private sealed class LeastLikelyFirst : IComparer<(double Weight, int TermId)>
    {
        public static readonly LeastLikelyFirst Instance = new();

        public int Compare((double Weight, int TermId) x, (double Weight, int TermId) y) =>
            x.Weight != y.Weight ? x.Weight.CompareTo(y.Weight) : y.TermId.CompareTo(x.TermId);
    }
}
