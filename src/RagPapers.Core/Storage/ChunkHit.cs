namespace RagPapers.Storage;

/// <summary>A chunk found by a search. <paramref name="Score"/> is higher-is-better (BM25 sign flipped, cosine similarity as is).</summary>
public sealed record ChunkHit(string PaperId, int Ordinal, string Text, double Score);
