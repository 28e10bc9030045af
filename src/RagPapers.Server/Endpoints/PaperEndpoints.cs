using Microsoft.AspNetCore.Http.HttpResults;
using RagPapers.Answering.Assistant;
using RagPapers.Retrieval;
using RagPapers.Server.Contracts;
using RagPapers.Server.Papers;
using RagPapers.Storage;

namespace RagPapers.Server.Endpoints;

public static class PaperEndpoints
{
    public const int MaxIdLength = 200;
    public const int DefaultSimilar = 5;
    public const int MaxSimilar = 50;

    /// <summary>GET /api/papers (a page of the collection), /api/papers/{id} and /api/papers/{id}/similar.</summary>
    public static IEndpointRouteBuilder MapPaperEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("Papers");
        api.MapGet("/papers", ListAsync)
            .WithName("ListPapers")
            .WithSummary("List the papers of the collection, newest first")
            .WithDescription($"query: words that must all occur in the title, an author or the id; page: from 1; pageSize: 1 to {PaperListing.MaxPageSize} (default {PaperListing.DefaultPageSize}).")
            .ProducesValidationProblem()
            .ProducesApiProblems();
        api.MapGet("/papers/{id}", GetAsync)
            .WithName("GetPaper")
            .WithSummary("One paper with its abstract")
            .WithDescription("The paper id, or an arXiv id in any written form (arXiv:2308.06534v2). Old-style arXiv ids carry a slash: send it as %2F (hep-th%2F9901001).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiProblems();
        api.MapGet("/papers/{id}/similar", SimilarAsync)
            .WithName("SimilarPapers")
            .WithSummary("The papers most like one paper")
            .WithDescription($"top: 1 to {MaxSimilar} (default {DefaultSimilar}).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiProblems();
        return app;
    }

    private static async Task<Results<Ok<PaperPage>, ValidationProblem>> ListAsync(
        string? query, int? page, int? pageSize, IPaperIndex index, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page is < 1 or > PaperListing.MaxPage)
        {
            errors["page"] = [$"page must be between 1 and {PaperListing.MaxPage}; it is {page}."];
        }

        if (pageSize is < 1 or > PaperListing.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {PaperListing.MaxPageSize}; it is {pageSize}."];
        }

        if (query is { Length: > MaxIdLength })
        {
            errors["query"] = [$"query is longer than {MaxIdLength} characters."];
        }

        return errors.Count > 0
            ? Problems.Invalid(errors)
            : TypedResults.Ok(await PaperListing.PageAsync(index, query, page ?? 1, pageSize ?? PaperListing.DefaultPageSize, cancellationToken));
    }

    private static async Task<Results<Ok<PaperDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, PaperReferenceResolver references, CancellationToken cancellationToken)
    {
        var paperId = Uri.UnescapeDataString(id);
        if (InvalidId(paperId) is { } invalid)
        {
            return invalid;
        }

        return await references.FindByIdAsync(paperId, cancellationToken) is { } paper
            ? TypedResults.Ok(PaperDto.From(paper))
            : Problems.PaperNotFound(paperId);
    }

    private static async Task<Results<Ok<SimilarPapers>, ValidationProblem, ProblemHttpResult>> SimilarAsync(
        string id, int? top, PaperReferenceResolver references, IPaperRetriever retriever, CancellationToken cancellationToken)
    {
        var paperId = Uri.UnescapeDataString(id);
        if (InvalidId(paperId) is { } invalid)
        {
            return invalid;
        }

        if (top is < 1 or > MaxSimilar)
        {
            return Problems.Invalid(new() { ["top"] = [$"top must be between 1 and {MaxSimilar}; it is {top}."] });
        }

        if (await references.FindByIdAsync(paperId, cancellationToken) is not { } paper)
        {
            return Problems.PaperNotFound(paperId);
        }

        var similar = await retriever.SimilarAsync(paper.Id, top ?? DefaultSimilar, cancellationToken);
        var items = similar.Select((s, i) => new SimilarPaper(i + 1, s.Paper.Id, s.Paper.Title, s.Paper.Published, s.Paper.Source, Math.Round(s.Relevance, 3))).ToArray();
        return TypedResults.Ok(new SimilarPapers(paper.Id, items));
    }

    private static ValidationProblem? InvalidId(string id) =>
        id.Length > MaxIdLength || string.IsNullOrWhiteSpace(id)
            ? Problems.Invalid(new() { ["id"] = [$"A paper id is 1 to {MaxIdLength} characters."] })
            : null;
}
