namespace RagPapers.Retrieval;

/// <summary>Papers found for a query, best first. <paramref name="HasRelevantEvidence"/> is false when even the best paper is below the relevance threshold.</summary>
/// <param name="SearchedFor">The query as searched when spelling correction changed it ("speech" for "speach"), else null.</param>
public sealed record RetrievalResult(string Query, IReadOnlyList<RetrievedPaper> Papers, bool HasRelevantEvidence, string? SearchedFor = null);
