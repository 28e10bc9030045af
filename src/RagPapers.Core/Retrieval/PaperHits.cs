namespace RagPapers.Retrieval;

/// <summary>The chunk hits of one paper: its aggregated score and its matching passages, best first.</summary>
public sealed record PaperHits(string PaperId, double Score, IReadOnlyList<Passage> Passages);
