namespace RagPapers.Evaluation;

/// <summary>
/// nDCG@k, Recall@k and MRR@k as trec_eval computes them (and <c>score_run.py</c>, which the tests run against):
/// linear gain (the grade) with discount 1/log2(rank + 1), the ideal ranking built from every judged-relevant
/// document; recall over all relevant documents of the query; reciprocal rank of the first relevant document
/// within k, else 0. Pure functions over document ids best first.
/// </summary>
public static class RetrievalMetrics
{
    public static double NdcgAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judged, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            var grade = judged.GetValueOrDefault(ranking[i]);
            if (grade > 0)
            {
                dcg += grade / Math.Log2(i + 2);
            }
        }

        var ideal = judged.Values.Where(g => g > 0).OrderDescending().Take(k).ToArray();
        var idcg = 0.0;
        for (var i = 0; i < ideal.Length; i++)
        {
            idcg += ideal[i] / Math.Log2(i + 2);
        }

        return idcg > 0 ? dcg / idcg : 0.0;
    }

    public static double RecallAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judged, int k)
    {
        var relevant = judged.Where(j => j.Value > 0).Select(j => j.Key).ToHashSet(StringComparer.Ordinal);
        if (relevant.Count == 0)
        {
            return 0.0;
        }

        return (double)ranking.Take(k).Distinct(StringComparer.Ordinal).Count(relevant.Contains) / relevant.Count;
    }

    public static double MrrAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judged, int k)
    {
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (judged.GetValueOrDefault(ranking[i]) > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0.0;
    }

    /// <summary>
    /// The averages over every query of <paramref name="qrels"/> with a relevant document. A query the run does not
    /// answer scores 0 and is counted as missing (trec_eval -c), so a run cannot look better by skipping queries.
    /// </summary>
    public static MetricSummary Score(TrecRun run, Qrels qrels, int k = 10, int recallDepth = 100)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(qrels);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(recallDepth, 1);
        double ndcg = 0, recall = 0, mrr = 0;
        var missing = 0;
        foreach (var queryId in qrels.ScoredQueryIds)
        {
            var judged = qrels.For(queryId);
            var ranking = run.Ranking(queryId);
            if (ranking is null)
            {
                missing++;
                continue;
            }

            ndcg += NdcgAt(ranking, judged, k);
            recall += RecallAt(ranking, judged, recallDepth);
            mrr += MrrAt(ranking, judged, k);
        }

        var n = qrels.ScoredQueryIds.Count;
        return n == 0
            ? new MetricSummary(k, recallDepth, 0, 0, 0, 0, missing)
            : new MetricSummary(k, recallDepth, ndcg / n, recall / n, mrr / n, n, missing);
    }
}
