using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>What ingestion did with one record: the paper (absent for a skipped record), the outcome and, when skipped, why.</summary>
public sealed record IngestResult(string? PaperId, string? Title, IngestOutcome Outcome, ReadDiagnostic? Diagnostic);
