namespace RagPapers.Ingestion;

public enum IngestOutcome
{
    Added,
    Updated,
    Unchanged,
    Skipped,
}
