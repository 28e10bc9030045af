using Microsoft.AspNetCore.Http.HttpResults;
using RagPapers.Retrieval;
using RagPapers.Server.Asking;
using RagPapers.Server.Contracts;
using RagPapers.Server.Telemetry;
using RagPapers.Storage;

namespace RagPapers.Server.Endpoints;

public static class SearchEndpoints
{
    public const int DefaultTop = 10;
    public const int MaxTop = 50;

    /// <summary>GET /api/search: ranked papers with their matching passages.</summary>
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("Search").MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithSummary("Search the collection")
            .WithDescription($"q: the query (1 to {AskRequestValidator.MaxQuestionLength} characters); top: 1 to {MaxTop} papers (default {DefaultTop}); "
                + "from/to: publication dates (yyyy-MM-dd, inclusive); includeUndated: true to also search the papers without a date "
                + "when from or to is set (undatedExcluded says how many a range left out); source: a collection file name.")
            .ProducesValidationProblem()
            .ProducesApiProblems();
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        string? q, int? top, IsoDate? from, IsoDate? to, string? source, bool? includeUndated,
        IPaperRetriever retriever, IPaperIndex index, ServerMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(q, top, from?.Value, to?.Value, source);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var started = time.GetTimestamp();
        var filter = new SearchFilter(from?.Value, to?.Value, string.IsNullOrWhiteSpace(source) ? null : source, includeUndated ?? false);
        var result = await retriever.RetrieveAsync(new RetrievalRequest(q!, top ?? DefaultTop, filter.IsEmpty ? null : filter), cancellationToken);
        var elapsed = time.GetElapsedTime(started);
        metrics.RecordSearch(elapsed);
        var hits = result.Papers.Select((paper, i) => Hit(i + 1, paper)).ToArray();
        var undated = filter.HasDateRange && !filter.IncludeUndated ? await UndatedPapers.CountExcludedAsync(index, filter, cancellationToken) : (int?)null;
        return TypedResults.Ok(new SearchResponse(q!, result.HasRelevantEvidence, hits, Math.Round(elapsed.TotalMilliseconds, 2), result.Notice, result.SearchedFor, undated));
    }

    private static Dictionary<string, string[]> Validate(string? q, int? top, DateOnly? from, DateOnly? to, string? source)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["The query q is required and must not be blank."];
        }
        else if (q.Length > AskRequestValidator.MaxQuestionLength)
        {
            errors["q"] = [$"The query is {q.Length} characters long; the limit is {AskRequestValidator.MaxQuestionLength}."];
        }

        if (top is < 1 or > MaxTop)
        {
            errors["top"] = [$"top must be between 1 and {MaxTop}; it is {top}."];
        }

        if (from > to)
        {
            errors["from"] = [$"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd})."];
        }

        if (source is { Length: > AskRequestValidator.MaxSourceLength })
        {
            errors["source"] = [$"source is longer than {AskRequestValidator.MaxSourceLength} characters; it names a collection file."];
        }

        return errors;
    }

    private static SearchHit Hit(int rank, RetrievedPaper found)
    {
        var paper = found.Paper;
        var passages = found.Passages.Select(p => new PassageDto(p.Ordinal, p.Text, Math.Round(p.Score, 4))).ToArray();
        return new SearchHit(rank, paper.Id, paper.Title, paper.Published, paper.Source, paper.Authors, Math.Round(found.Score, 4), Math.Round(found.Relevance, 3), passages);
    }
}
