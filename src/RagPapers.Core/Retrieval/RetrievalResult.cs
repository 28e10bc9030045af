namespace RagPapers.Retrieval;

/// <summary>
/// Papers found for a query, best first. <paramref name="HasRelevantEvidence"/> is the retriever's decision whether
/// there is anything to answer from: false when even the best paper is below the relevance threshold, and never true
/// without a paper (also after <c>with { Papers = … }</c>), so whoever reads the decision need not check the papers again.
/// </summary>
/// <param name="Notice">
/// Why the result is less than the retriever can give, for the user ("semantic index 212/516: keyword results only
/// for now"); null for a full result. A result with a notice is provisional: caches must not keep it.
/// </param>
/// <param name="SearchedFor">The query as searched when spelling correction changed it ("speech" for "speach"), else null.</param>
/// <param name="RelevanceThreshold">
/// The relevance <paramref name="HasRelevantEvidence"/> was judged by (Retrieval:MinRelevance, or the keyword-only
/// threshold while the semantic index is built); null when the retriever did not say.
/// </param>
public sealed record RetrievalResult(
    string Query,
    IReadOnlyList<RetrievedPaper> Papers,
    bool HasRelevantEvidence,
    string? Notice = null,
    string? SearchedFor = null,
    double? RelevanceThreshold = null)
{
    public bool HasRelevantEvidence { get => field && Papers.Count > 0; init; } = HasRelevantEvidence;
}
