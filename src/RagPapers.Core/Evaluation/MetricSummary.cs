namespace RagPapers.Evaluation;

/// <summary>Averaged retrieval quality of a run: nDCG@<paramref name="K"/>, Recall@<paramref name="RecallDepth"/>, MRR@<paramref name="K"/>.</summary>
/// <param name="QueriesScored">Queries averaged over: every qrels query with a relevant document.</param>
/// <param name="QueriesMissing">Of those, queries the run has no line for (each scored 0).</param>
public sealed record MetricSummary(int K, int RecallDepth, double Ndcg, double Recall, double Mrr, int QueriesScored, int QueriesMissing);
