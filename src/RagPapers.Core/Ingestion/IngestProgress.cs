namespace RagPapers.Ingestion;

/// <summary>Running totals of an ingestion, reported after each committed batch.</summary>
public sealed record IngestProgress(int Processed, int Added, int Updated, int Unchanged, int Skipped);
