using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RagPapers.Server.Contracts;
using RagPapers.Server.Ingesting;
using RagPapers.Server.Security;
using RagPapers.Server.Configuration;

namespace RagPapers.Server.Endpoints;

public static class IngestEndpoints
{
    // Documented, not enforced: the format is detected from the content, so any Content-Type is read (curl's
    // default form type included); declaring them with Accepts() would make routing refuse the others with 415.
    private static readonly string[] DocumentedTypes = ["text/plain", "application/x-ndjson", "application/x-bibtex", "application/octet-stream"];

    /// <summary>POST /api/ingest (admin): a collection file in the body, in any supported format.</summary>
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("Ingestion").MapPost("/ingest", IngestAsync)
            .RequireAuthorization(ApiKeyDefaults.AdminPolicy)
            .WithName("Ingest")
            .WithSummary("Add or update papers from a collection file (admin)")
            .WithDescription("The body is one collection file: daily-papers text, JSON Lines (arXiv or Hugging Face shape) or BibTeX, "
                + "detected from the content. name: the file name papers cite as their source (letters, digits, '.', '_', '-'). "
                + "Returns one result per record and the reason for every skipped record; a file with no readable paper is a 400.")
            .AddOpenApiOperationTransformer(DescribeBodyAsync)
            .Produces<IngestResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesApiProblems()
            .WithRequestTimeout(RequestTimeoutPolicies.Ingest);
        return app;
    }

    private static async Task<Results<Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        string? name, HttpRequest request, IngestService ingest, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        if (UploadFileName.From(name, request.ContentType) is not { } fileName)
        {
            return Problems.Invalid(new() { ["name"] = ["name must be a plain file name: letters, digits, '.', '_' and '-', up to 100 characters, no folders."] });
        }

        if (request.ContentLength == 0)
        {
            return Problems.Invalid(new() { ["body"] = ["The body is empty; send the collection file as the request body."] });
        }

        // Collection files are bigger than questions: this endpoint alone raises the body limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxIngestBodyBytes;
        }

        var response = await ingest.IngestAsync(request.Body, fileName, cancellationToken);
        if (response.Added + response.Updated + response.Unchanged > 0)
        {
            return TypedResults.Ok(response);
        }

        var reasons = response.Diagnostics.Select(d => $"{d.File}:{d.Line}: {d.Reason}").Take(10).ToArray();
        return Problems.Invalid(new() { ["body"] = reasons.Length > 0 ? reasons : ["The file holds no paper."] });
    }

    private static Task DescribeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One collection file, any supported format.",
            Content = DocumentedTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
        };
        return Task.CompletedTask;
    }
}
