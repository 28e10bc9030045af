using RagPapers.Papers;
using RagPapers.Retrieval;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Answering;

/// <summary>An <see cref="IPaperRetriever"/> whose behaviour is the delegates given; records every request.</summary>
internal sealed class FakeRetriever(
    Func<RetrievalRequest, CancellationToken, Task<RetrievalResult>> retrieve,
    Func<string, int, CancellationToken, Task<IReadOnlyList<RetrievedPaper>>>? similar = null) : IPaperRetriever
{
    public List<RetrievalRequest> Requests { get; } = [];

    public Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return retrieve(request, cancellationToken);
    }

    public Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default) =>
        similar is null ? Task.FromResult<IReadOnlyList<RetrievedPaper>>([]) : similar(paperId, top, cancellationToken);

    /// <summary>
    /// A keyword retriever over <paramref name="papers"/>: relevance is the share of the query's distinct terms found
    /// in title and abstract; passages are the abstract sentences sharing most terms; RestrictTo and TopK honoured.
    /// </summary>
    public static FakeRetriever OverPapers(IReadOnlyList<Paper> papers, double minRelevance = 0.35) =>
        new((request, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(KeywordSearch(papers, request, minRelevance));
        });

    private static RetrievalResult KeywordSearch(IReadOnlyList<Paper> papers, RetrievalRequest request, double minRelevance)
    {
        var query = TextAnalyzer.Terms(request.Query).ToHashSet(StringComparer.Ordinal);
        var found = papers
            .Where(p => request.RestrictTo is null || request.RestrictTo.Contains(p.Id))
            .Select(p => (Paper: p, Relevance: Overlap(query, p.Title + " " + p.Abstract) / (double)Math.Max(1, query.Count)))
            .Where(x => x.Relevance > 0)
            .OrderByDescending(x => x.Relevance)
            .ThenBy(x => x.Paper.Id, StringComparer.Ordinal)
            .Take(request.TopK ?? 8)
            .Select(x => new RetrievedPaper(x.Paper, x.Relevance, x.Relevance, Passages(query, x.Paper.Abstract)))
            .ToArray();
        return new RetrievalResult(request.Query, found, found.Length > 0 && found[0].Relevance >= minRelevance);
    }

    private static Passage[] Passages(HashSet<string> query, string text) =>
        SentenceSplitter.SplitToStrings(text)
            .Select((s, i) => new Passage(i, s, Overlap(query, s)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Ordinal)
            .Take(2)
            .ToArray();

    private static int Overlap(HashSet<string> query, string text) =>
        TextAnalyzer.Terms(text).Distinct(StringComparer.Ordinal).Count(query.Contains);
}
