using RagPapers.Server.Security;

namespace RagPapers.Server.Endpoints;

public static class OperationsEndpoints
{
    /// <summary>GET /openapi/v1.json (the API's description) and GET /metrics (Prometheus text; admin when admin keys are set).</summary>
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        return app;
    }
}
