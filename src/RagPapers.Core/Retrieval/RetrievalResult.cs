namespace RagPapers.Retrieval;

/// <summary>Papers found for a query, best first. <paramref name="HasRelevantEvidence"/> is false when even the best paper is below the relevance threshold.</summary>
public sealed record RetrievalResult(string Query, IReadOnlyList<RetrievedPaper> Papers, bool HasRelevantEvidence);
