using RagPapers.Papers;

namespace RagPapers.Retrieval;

/// <summary>A paper found for a query.</summary>
/// <param name="Score">Fused rank score, only comparable within one result list.</param>
/// <param name="Relevance">Absolute evidence strength in [0, 1], comparable across queries; used for the "nothing relevant" decision.</param>
/// <param name="Passages">Matching chunks of the paper, best first.</param>
public sealed record RetrievedPaper(Paper Paper, double Score, double Relevance, IReadOnlyList<Passage> Passages);
