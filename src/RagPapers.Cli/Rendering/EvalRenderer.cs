using System.Globalization;
using RagPapers.Evaluation;
using RagPapers.Cli.Terminal;

namespace RagPapers.Cli.Rendering;

/// <summary>The eval report as text. Metric lines use score_run.py's layout ("nDCG@10     0.6812") so the two outputs compare line by line.</summary>
internal static class EvalRenderer
{
    private const int MaxDiagnosticsShown = 20;
    private static readonly double[] SweepThresholds = [0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70];

    public static void Write(TextWriter output, TextWriter errors, EvaluationReport report, string corpusName, string? runPath)
    {
        var index = report.Index;
        foreach (var diagnostic in index.Diagnostics.Take(MaxDiagnosticsShown))
        {
            errors.WriteLine(TerminalText.Safe($"  skipped {diagnostic}"));
        }

        var metrics = report.Metrics;
        var latency = report.Latency;
        output.WriteLine(Invariant($"indexed     {index.Papers} papers ({index.Chunks} chunks) from {corpusName} in {index.Elapsed.TotalSeconds:0.00} s; {index.Skipped} records skipped"));
        output.WriteLine(Invariant($"queries     {report.QueriesRun} run at depth {metrics.RecallDepth}; {report.QueriesWithoutText} judged queries have no text (scored 0)"));
        output.WriteLine(Invariant($"{"nDCG@" + metrics.K,-12}{metrics.Ndcg:0.0000}"));
        output.WriteLine(Invariant($"{"Recall@" + metrics.RecallDepth,-12}{metrics.Recall:0.0000}"));
        output.WriteLine(Invariant($"{"MRR@" + metrics.K,-12}{metrics.Mrr:0.0000}"));
        output.WriteLine(Invariant($"latency     p50 {latency.P50.TotalMilliseconds:0.00} ms, p95 {latency.P95.TotalMilliseconds:0.00} ms, max {latency.Max.TotalMilliseconds:0.00} ms per query ({latency.Count} queries, after {WarmUp(report)})"));
        if (runPath is not null)
        {
            output.WriteLine($"run         {runPath}");
        }

        if (report.Calibration is { } calibration)
        {
            WriteCalibration(output, calibration);
        }
    }

    private static void WriteCalibration(TextWriter output, CalibrationReport calibration)
    {
        var t = calibration.Threshold;
        output.WriteLine(Invariant(
            $"no-evidence {calibration.Setting} {t:0.00}: false refusals {calibration.FalseRefusals(t)}/{calibration.OnTopicBest.Count} judged queries ({calibration.FalseRefusalRate(t):0.0%}), false answers {calibration.FalseAnswers(t)}/{calibration.OffTopicBest.Count} off-topic queries ({calibration.FalseAnswerRate(t):0.0%})"));
        output.WriteLine("threshold   false refusals  false answers");
        foreach (var threshold in SweepThresholds)
        {
            output.WriteLine(Invariant($"{threshold,-12:0.00}{calibration.FalseRefusalRate(threshold),-16:0.0%}{calibration.FalseAnswerRate(threshold):0.0%}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string WarmUp(EvaluationReport report) => report.WarmUpJudged
        ? Invariant($"{report.WarmUpQueries} of them untimed")
        : Invariant($"{report.WarmUpQueries} unjudged queries untimed");
}
