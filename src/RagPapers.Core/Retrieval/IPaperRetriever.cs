namespace RagPapers.Retrieval;

/// <summary>Finds the papers that answer a query: hybrid search, per-paper aggregation, MMR, filters.</summary>
public interface IPaperRetriever
{
    Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Papers most like <paramref name="paperId"/> (itself excluded); empty if the id is unknown.</summary>
    Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default);
}
