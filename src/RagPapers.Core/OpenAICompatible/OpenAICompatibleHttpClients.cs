using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagPapers.OpenAICompatible;

/// <summary>
/// Registers a named <see cref="HttpClient"/> for an OpenAI-compatible endpoint with <see cref="IHttpClientFactory"/>:
/// pooled connections renewed every few minutes (so DNS changes are seen by long-lived clients), no Authorization
/// header for an empty key, and <see cref="OpenAICompatibleResilience"/>'s pipeline. The client's own timeout is off:
/// the pipeline's timeouts and the caller's token bound every request. The SDKs' own retries are switched off where
/// the client is handed over, so a request is never retried twice over.
/// </summary>
internal static class OpenAICompatibleHttpClients
{
    private const string PollyLogCategory = "Polly";

    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Adds the client <paramref name="name"/> once; a second call with the same name is a no-op.</summary>
    public static IServiceCollection AddOpenAICompatibleHttpClient(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, EndpointResilience> settings,
        Func<IServiceProvider, string> apiKey)
    {
        if (services.Any(d => d.ServiceType == typeof(Registered) && Equals(d.ImplementationInstance, new Registered(name))))
        {
            return services;
        }

        services.AddSingleton(new Registered(name));

        // Polly's own telemetry would log every failed attempt again, at Warning, beside the messages of
        // OpenAICompatibleResilience that say what happens (retrying, endpoint down, back again).
        services.AddLogging(logging => logging.AddFilter(PollyLogCategory, LogLevel.None));

        // No HttpClient logging: an endpoint may carry credentials in its user info or query.
        services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime })
            .AddHttpMessageHandler(sp => new EmptyKeyAuthorizationHandler(string.IsNullOrEmpty(apiKey(sp))))
            .AddResilienceHandler(name, (builder, context) => OpenAICompatibleResilience.Configure(
                builder,
                settings(context.ServiceProvider),
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenAICompatibleHttpClients).FullName + "." + name)));
        return services;
    }

    private sealed record Registered(string Name);
}
