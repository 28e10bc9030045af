using RagPapers.Ingestion;
using RagPapers.Papers;

namespace RagPapers.Server.Contracts;

/// <summary>POST /api/ingest: the totals, one result per record read, and why each skipped record was skipped.</summary>
public sealed record IngestResponse(
    string Source,
    int Read,
    int Added,
    int Updated,
    int Unchanged,
    int Skipped,
    double ElapsedMs,
    IReadOnlyList<IngestRecord> Results,
    IReadOnlyList<IngestDiagnostic> Diagnostics)
{
    public static IngestResponse From(string source, IngestSummary summary, IReadOnlyList<IngestResult> results) => new(
        source,
        summary.Read,
        summary.Added,
        summary.Updated,
        summary.Unchanged,
        summary.Skipped,
        Math.Round(summary.Elapsed.TotalMilliseconds, 1),
        [.. results.Select(IngestRecord.From)],
        [.. results.Where(r => r is { Outcome: IngestOutcome.Skipped, Diagnostic: not null }).Select(r => IngestDiagnostic.From(r.Diagnostic!))]);
}

/// <summary>What ingestion did with one record: "added", "updated", "unchanged" or "skipped" (with the reason).</summary>
public sealed record IngestRecord(string? PaperId, string? Title, string Outcome, string? Reason)
{
    public static IngestRecord From(IngestResult result) =>
        new(result.PaperId, result.Title, result.Outcome.ToString().ToLowerInvariant(), result.Diagnostic?.Reason);
}

/// <summary>A skipped record: the file name, the 1-based line, and why.</summary>
public sealed record IngestDiagnostic(string File, int Line, string Reason)
{
    public static IngestDiagnostic From(ReadDiagnostic diagnostic) => new(diagnostic.File, diagnostic.Line, diagnostic.Reason);
}
