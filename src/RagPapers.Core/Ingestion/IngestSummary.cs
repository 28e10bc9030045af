using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>
/// The totals of an ingestion run, and the details worth showing for at most <see cref="MaxListed"/> records of each
/// kind, in reading order: the papers replaced, the records skipped and why, and the notes. Counting instead of
/// keeping a result per record is what keeps a run's memory the same at a thousand papers and at a million; a caller
/// that wants every record's result passes a callback to <see cref="Ingestor.IngestAsync"/>.
/// </summary>
public sealed record IngestSummary(
    int Read,
    int Added,
    int Updated,
    int Unchanged,
    int Skipped,
    IReadOnlyList<IngestResult> UpdatedPapers,
    IReadOnlyList<ReadDiagnostic> Diagnostics,
    IReadOnlyList<ReadDiagnostic> Notes,
    int NoteCount,
    TimeSpan Elapsed)
{
    /// <summary>How many updated papers, skipped records and notes a summary lists, each; the totals count them all.</summary>
    public const int MaxListed = 1_000;
}
