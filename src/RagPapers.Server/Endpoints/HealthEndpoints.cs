using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagPapers.Indexing;
using RagPapers.Server.Contracts;
using RagPapers.Server.Health;

namespace RagPapers.Server.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// GET /health/live (the process answers) and /health/ready (store reachable, collection loaded, LLM reachable if
    /// on); both carry the semantic index's progress.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").DisableRateLimiting();
        health.MapGet("/live", (SemanticIndexer indexer) =>
                TypedResults.Ok(new HealthReportDto("Healthy", new Dictionary<string, HealthCheckDto>(), SemanticIndexDto.From(indexer.Status))))
            .WithName("Live")
            .WithSummary("Liveness: the process is up and serving");
        health.MapGet("/ready", ReadyAsync)
            .WithName("Ready")
            .WithSummary("Readiness: the store answers and the collection is loaded")
            .Produces<HealthReportDto>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<HealthReportDto>, JsonHttpResult<HealthReportDto>>> ReadyAsync(
        HealthCheckService checks, SemanticIndexer indexer, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains(HealthServiceCollectionExtensions.ReadyTag), cancellationToken);
        var dto = new HealthReportDto(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckDto(e.Value.Status.ToString(), e.Value.Description)),
            SemanticIndexDto.From(indexer.Status));
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(dto, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(dto);
    }
}
