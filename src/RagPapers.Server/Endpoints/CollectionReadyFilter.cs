
using RagPapers.Server.Collection;

namespace RagPapers.Server.Endpoints;

/// <summary>Answers 503 with Retry-After while the collection is still loading at start-up, or says why it failed.</summary>
internal sealed class CollectionReadyFilter(CollectionState state) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (state.IsReady)
        {
            return next(context);
        }

        if (state.Status == CollectionStatus.Loading)
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
        }

        return ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready",
            detail: $"The collection is not ready: {state.Description}"));
    }
}
