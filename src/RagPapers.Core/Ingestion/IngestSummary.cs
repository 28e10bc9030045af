using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>The totals of an ingestion run and one result per record read, in reading order.</summary>
public sealed record IngestSummary(int Read, int Added, int Updated, int Unchanged, int Skipped, IReadOnlyList<IngestResult> Results, TimeSpan Elapsed)
{
    /// <summary>Why each skipped record was skipped, in reading order.</summary>
    public IReadOnlyList<ReadDiagnostic> Diagnostics => Results.Where(r => r is { Outcome: IngestOutcome.Skipped, Diagnostic: not null }).Select(r => r.Diagnostic!).ToArray();

    /// <summary>What is worth knowing about records that were not skipped (another listing of a paper already read), in reading order.</summary>
    public IReadOnlyList<ReadDiagnostic> Notes => Results.Where(r => r is { Outcome: not IngestOutcome.Skipped, Diagnostic: not null }).Select(r => r.Diagnostic!).ToArray();
}
