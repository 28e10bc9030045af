namespace RagPapers.Storage;

/// <summary>
/// Settings of pseudo-relevance feedback (RM3) on keyword search: the best <paramref name="Documents"/> chunks of
/// the first BM25 pass lend their <paramref name="Terms"/> most likely terms to the query, and the first
/// <paramref name="Candidates"/> chunks are ranked again by <paramref name="OriginalWeight"/> · the query's own
/// BM25 plus the rest · the expansion terms' BM25. <see cref="Off"/> when either count is zero.
/// </summary>
public sealed record KeywordFeedback(int Documents, int Terms, double OriginalWeight, int Candidates)
{
    /// <summary>Plain BM25.</summary>
    public static KeywordFeedback Off { get; } = new(0, 0, 1, 0);

    public bool IsOn => Documents > 0 && Terms > 0 && OriginalWeight < 1;
}
