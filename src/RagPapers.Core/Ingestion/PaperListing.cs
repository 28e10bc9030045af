namespace RagPapers.Ingestion;

/// <summary>One listing of a paper in a run: its content hash, the hash of its title and abstract alone, and where it was read.</summary>
internal sealed record PaperListing(string Hash, string TextHash, string Source, int Line);
