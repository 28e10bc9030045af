using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RagPapers.Retrieval.Spelling;

/// <summary>
/// Runs every search with the query's misspellings corrected (<see cref="QuerySpellingCorrector"/>) and says what was
/// searched in <see cref="RetrievalResult.SearchedFor"/>. Wraps the retriever, so every front-end's answers and
/// searches, and the LLM's search tool, get it alike. Retrieval:CorrectSpelling false, or a request that asks so,
/// searches as typed.
/// </summary>
public sealed class SpellingCorrectingRetriever(
    IPaperRetriever inner,
    QuerySpellingCorrector corrector,
    IOptions<RetrievalOptions> options,
    ILogger<SpellingCorrectingRetriever> logger) : IPaperRetriever
{
    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.CorrectSpelling || !options.Value.CorrectSpelling)
        {
            return await inner.RetrieveAsync(request, cancellationToken);
        }

        var correction = await corrector.CorrectAsync(request.Query, cancellationToken);
        if (!correction.Changed)
        {
            return await inner.RetrieveAsync(request, cancellationToken);
        }

        Log.QueryCorrected(logger, correction.Corrections.Count);
        Log.QueryCorrectedTo(logger, request.Query, correction.Text);
        var result = await inner.RetrieveAsync(request with { Query = correction.Text }, cancellationToken);
        return result with { Query = request.Query, SearchedFor = correction.Text };
    }

    public Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default) =>
        inner.SimilarAsync(paperId, top, cancellationToken);
}
