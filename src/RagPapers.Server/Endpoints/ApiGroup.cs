using RagPapers.Server.RateLimiting;
using RagPapers.Server.Security;

namespace RagPapers.Server.Endpoints;

/// <summary>What every /api endpoint shares: a key (when keys are configured), the rate limit, the ready gate.</summary>
internal static class ApiGroup
{
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string tag) =>
        app.MapGroup("/api")
            .RequireAuthorization(ApiKeyDefaults.ReaderPolicy)
            .RequireRateLimiting(ClientRateLimiting.PolicyName)
            .AddEndpointFilter<CollectionReadyFilter>()
            .WithTags(tag);

    /// <summary>The problems any /api endpoint may answer, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesApiProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .ProducesProblem(StatusCodes.Status504GatewayTimeout);

    /// <summary>The problems of an endpoint that reads a JSON body.</summary>
    public static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
