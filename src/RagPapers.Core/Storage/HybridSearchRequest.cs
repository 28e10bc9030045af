namespace RagPapers.Storage;

/// <summary>
/// A fused search: the <paramref name="CandidatesPerList"/> best chunks of BM25 over <paramref name="Query"/> and of
/// cosine over <paramref name="Vector"/>, fused with weights <paramref name="KeywordWeight"/> and 1 − that, and
/// RRF constant <paramref name="RrfK"/>.
/// </summary>
public sealed record HybridSearchRequest(
    string Query,
    ReadOnlyMemory<float> Vector,
    int CandidatesPerList,
    double KeywordWeight,
    int RrfK,
    SearchFilter? Filter = null);
