using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RagPapers.Server.Documentation;

/// <summary>
/// Adds GET /metrics to the document: the Prometheus exporter maps it as a plain endpoint the OpenAPI generator
/// cannot see, yet it is part of the server's surface, with its own key rule.
/// </summary>
internal sealed class MetricsPathTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= new OpenApiPaths();
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "Prometheus text exposition of the OpenTelemetry metrics.",
                Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            },
            ["401"] = Problem("No key, or a key that is not valid, while Server:AdminKeys or Server:ApiKeys are set."),
            ["403"] = Problem("A key that is not an admin key while Server:AdminKeys are set."),
        };
        document.Paths["/metrics"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = "Metrics",
                    Summary = "Metrics for Prometheus: requests, latency, retrieval and answer timings, answers, refusals, problems",
                    Responses = responses,
                },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
    };
}
