using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RagPapers.Storage;

namespace RagPapers.Server.Errors;

/// <summary>
/// A store that cannot serve right now (locked by another process's write, a Qdrant that is down) is the server's
/// condition, not the client's mistake and not a crash: 503 with Retry-After and the store's own explanation.
/// </summary>
internal sealed class StoreUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StoreUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreUnavailableException unavailable)
        {
            return false;
        }

        Log.StoreUnavailable(logger, httpContext.Request.Path, unavailable.Message);
        var retryAfter = unavailable is StoreBusyException ? StoreBusyException.RetryAfter : TimeSpan.FromSeconds(5);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Store unavailable", Detail = unavailable.Message },
        });
    }
}
