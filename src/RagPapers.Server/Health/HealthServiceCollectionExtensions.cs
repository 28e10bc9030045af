namespace RagPapers.Server.Health;

internal static class HealthServiceCollectionExtensions
{
    /// <summary>The tag /health/ready runs; a component with a dependency worth probing adds a check with it.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddServerHealthChecks(this IServiceCollection services)
    {
        services.AddHttpClient(ChatHealthCheck.HttpClientName).RemoveAllLoggers(); // the request carries Chat:ApiKey
        services.AddHealthChecks()
            .AddCheck<CollectionHealthCheck>("collection", tags: [ReadyTag])
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag])
            .AddCheck<ChatHealthCheck>("llm", tags: [ReadyTag])
            .AddCheck<SemanticIndexHealthCheck>("semanticIndex", tags: [ReadyTag]);
        return services;
    }
}
