namespace RagPapers.Evaluation;

/// <summary>The outcome of one evaluation: indexing, the run and its scores, query latency, and (when asked) the relevance calibration.</summary>
/// <param name="QueriesRun">Judged queries that had a text and were run.</param>
/// <param name="QueriesWithoutText">Judged queries absent from the queries file: not run, each scored 0.</param>
public sealed record EvaluationReport(
    IndexReport Index,
    TrecRun Run,
    MetricSummary Metrics,
    LatencySummary Latency,
    int QueriesRun,
    int QueriesWithoutText,
    CalibrationReport? Calibration)
{
    /// <summary>Queries run untimed before the timed ones.</summary>
    public int WarmUpQueries { get; init; }

    /// <summary>Whether the warm-up had to use judged queries (the queries file had no others), so their embeddings were cached when timed.</summary>
    public bool WarmUpJudged { get; init; }
}
