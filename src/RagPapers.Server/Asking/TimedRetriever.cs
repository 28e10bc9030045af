using RagPapers.Retrieval;

namespace RagPapers.Server.Asking;

/// <summary>
/// Measures the retrieval of the ask running on this flow (found through <see cref="AskActivity"/>); a decorator,
/// so PaperAssistant stays unaware of timings. Outside an ask it only passes the call on.
/// </summary>
internal sealed class TimedRetriever(IPaperRetriever inner) : IPaperRetriever
{
    public Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default) =>
        AskActivity.CurrentTimings() is { } timings
            ? timings.TimeRetrievalAsync(() => inner.RetrieveAsync(request, cancellationToken))
            : inner.RetrieveAsync(request, cancellationToken);

    public Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default) =>
        inner.SimilarAsync(paperId, top, cancellationToken);
}
