using System.Diagnostics;

namespace RagPapers.Server.Hosting;

/// <summary>
/// One log line per request: method, path, status and milliseconds, after the response (so it has the final status).
/// At Debug the line carries more (protocol, content type and length, endpoint, client) instead. Never the query
/// string's text (it carries questions) nor headers (they carry keys).
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Write(context, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private void Write(HttpContext context, double elapsedMs)
    {
        var request = context.Request;
        var path = request.PathBase.Add(request.Path).ToString();
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            Log.Request(logger, request.Method, path, context.Response.StatusCode, elapsedMs);
            return;
        }

        Log.RequestDetail(
            logger,
            request.Method,
            path,
            request.Protocol,
            context.Response.StatusCode,
            context.Response.ContentType,
            context.Response.ContentLength,
            elapsedMs,
            context.GetEndpoint()?.DisplayName,
            request.QueryString.Value?.Length ?? 0,
            context.Connection.RemoteIpAddress?.ToString());
    }
}
