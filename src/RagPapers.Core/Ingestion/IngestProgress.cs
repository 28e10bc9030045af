namespace RagPapers.Ingestion;

/// <summary>
/// Running totals of an ingestion, reported after each batch. <see cref="BytesRead"/> is how far the reading got, in
/// bytes of the input (as <see cref="Papers.ReadResult.BytesRead"/> counts them, so against
/// <see cref="Papers.CollectionReader.TotalBytes"/> for files); 0 when the records do not come from files.
/// </summary>
public sealed record IngestProgress(int Processed, int Added, int Updated, int Unchanged, int Skipped, long BytesRead);
