using RagPapers.Papers;

namespace RagPapers.Evaluation;

/// <summary>How the corpus went into the fresh store: papers and chunks stored, records skipped and why, and the wall time of ingestion.</summary>
public sealed record IndexReport(int Papers, int Chunks, int Skipped, IReadOnlyList<ReadDiagnostic> Diagnostics, TimeSpan Elapsed);
