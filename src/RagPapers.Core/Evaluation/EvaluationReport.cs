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
    CalibrationReport? Calibration);
