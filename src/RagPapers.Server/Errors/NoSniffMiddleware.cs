namespace RagPapers.Server.Errors;

/// <summary>
/// Adds <c>X-Content-Type-Options: nosniff</c> to every response, errors included: a browser must never read a JSON
/// answer that quotes an abstract's <c>&lt;script&gt;</c> as HTML. Set when the response starts, as the exception
/// handler clears the headers of a failed request.
/// </summary>
internal sealed class NoSniffMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
