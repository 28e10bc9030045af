using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace RagPapers.Server.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>OpenTelemetry metrics: ASP.NET Core's request count and latency plus <see cref="ServerMetrics"/>, scraped at /metrics.</summary>
    public static IServiceCollection AddServerTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ragpapers-server"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(ServerMetrics.MeterName)
                .AddPrometheusExporter());
        return services;
    }
}
