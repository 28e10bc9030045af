namespace RagPapers.Server.Contracts;

/// <summary>GET /api/papers/{id}/similar: the papers most like one paper, best first.</summary>
public sealed record SimilarPapers(string PaperId, IReadOnlyList<SimilarPaper> Similar);

/// <summary>A similar paper; relevance is its best passage's cosine with the paper's centroid, in [0, 1].</summary>
public sealed record SimilarPaper(int Rank, string PaperId, string Title, DateOnly? Date, string Source, double Relevance);
