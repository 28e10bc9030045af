using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace RagPapers.Server.Errors;

/// <summary>
/// Answers a request that declares a body over the size limit with <c>Connection: close</c>, whatever the status.
/// An endpoint that answers without reading the body (401, 404, 405, 415) would otherwise send a keep-alive
/// response, after which the server fails to drain the body and closes the connection anyway; a client that
/// already reused it for its next request sees that request dropped without an answer (the HTTP campaign's
/// "connections closed mid-request", docs/reliability.md). Saying so in the response lets the client open a new one.
/// </summary>
internal sealed class UnreadBodyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (http.Request.ContentLength > limit)
            {
                http.Response.Headers[HeaderNames.Connection] = "close";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
