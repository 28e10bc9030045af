using RagPapers.Papers;
using RagPapers.Retrieval;

namespace RagPapers.Server.Tests.Caching;

/// <summary>A retriever (our own seam) that answers with one made-up paper per query and counts its calls.</summary>
public sealed class CountingRetriever : IPaperRetriever
{
    private int _retrievals;
    private int _similar;

    public int Retrievals => _retrievals;

    public int Similar => _similar;

    public Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _retrievals);
        var paper = new Paper("p-" + request.Query, request.Query, "An abstract.", [], null, "test.jsonl");
        return Task.FromResult(new RetrievalResult(request.Query, [new RetrievedPaper(paper, 1, 1, [])], true));
    }

    public Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _similar);
        return Task.FromResult<IReadOnlyList<RetrievedPaper>>([]);
    }
}
