using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using RagPapers.Server.Contracts;
using RagPapers.Server.Endpoints;
using RagPapers.Server.Errors;
using RagPapers.Server.Telemetry;
using RagPapers.Server.Configuration;

namespace RagPapers.Server.Hosting;

/// <summary>How the server speaks HTTP: JSON, ProblemDetails for every error, timeouts, CORS, request logging.</summary>
internal static class ServerProtocolServiceCollectionExtensions
{
    public static IServiceCollection AddServerProtocol(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Encoder = ServerJson.Encoder;
        });

        // Binding failures throw BadHttpRequestException, which BadRequestExceptionHandler turns into a 400 naming the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= DefaultProblemDetail.For(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            context.HttpContext.RequestServices.GetRequiredService<ServerMetrics>().RecordProblem(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>(); // after the framework's own: see the class
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StoreUnavailableExceptionHandler>();

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ServerOptions>>((timeouts, server) =>
        {
            timeouts.DefaultPolicy = Timeout(server.Value.RequestTimeoutSeconds);
            timeouts.AddPolicy(RequestTimeoutPolicies.Stream, Timeout(server.Value.StreamTimeoutSeconds));
            timeouts.AddPolicy(RequestTimeoutPolicies.Ingest, Timeout(server.Value.IngestTimeoutSeconds));
        });

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ServerOptions>>((cors, server) => ConfigureCors(cors, server.Value.Cors));

        // One line per log entry on the console: a request is one line (RequestLogMiddleware).
        services.Configure<SimpleConsoleFormatterOptions>(options => options.SingleLine = true);
        return services;
    }

    private static RequestTimeoutPolicy Timeout(int seconds) => new()
    {
        Timeout = TimeSpan.FromSeconds(seconds),
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
    };

    private static void ConfigureCors(CorsOptions cors, ServerCorsOptions allowed)
    {
        if (allowed.AllowedOrigins.Length == 0)
        {
            return; // no policy: the middleware adds no CORS headers and browsers keep other origins out
        }

        cors.AddDefaultPolicy(policy =>
        {
            if (allowed.AllowedOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(allowed.AllowedOrigins);
            }

            policy.WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Authorization", "X-Api-Key", "Accept", "Last-Event-ID")
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        });
    }
}
