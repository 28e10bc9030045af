using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace RagPapers.Server.Errors;

/// <summary>
/// Turns what the framework throws about a bad request (unreadable JSON, a field of the wrong type, an unknown
/// field, a body over the limit, a query value that does not parse) into a ProblemDetails with its 4xx status and
/// a detail that names the field, instead of the generic 500 an unhandled exception gets.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Detail = BadRequestDetail.Describe(bad) },
        });
    }
}
