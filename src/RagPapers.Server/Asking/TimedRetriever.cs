using RagPapers.Retrieval;

namespace RagPapers.Server.Asking;

/// <summary>Measures the retrieval of one ask; a decorator, so PaperAssistant stays unaware of timings.</summary>
internal sealed class TimedRetriever(IPaperRetriever inner, AskTimings timings) : IPaperRetriever
{
    public Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default) =>
        timings.TimeRetrievalAsync(() => inner.RetrieveAsync(request, cancellationToken));

    public Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default) =>
        inner.SimilarAsync(paperId, top, cancellationToken);
}
