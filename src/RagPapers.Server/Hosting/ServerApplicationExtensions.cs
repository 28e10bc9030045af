using RagPapers.Server.Errors;

namespace RagPapers.Server.Hosting;

public static class ServerApplicationExtensions
{
    /// <summary>
    /// The middleware, outermost first: request logging sees the final status of everything; errors become
    /// ProblemDetails; routing lets CORS, keys, the rate limiter and timeouts read endpoint metadata; the rate
    /// limiter runs after authentication (it partitions by key holder) and before authorization, so failed key
    /// guesses are limited too.
    /// </summary>
    public static WebApplication UseRagPapersServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<NoSniffMiddleware>();
        app.UseMiddleware<UnreadBodyMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<Utf8JsonMiddleware>();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        return app;
    }
}
