using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using RagPapers.Indexing;
using RagPapers.Retrieval;
using RagPapers.Server.Asking;
using RagPapers.Server.Caching;
using RagPapers.Server.Conversations;
using RagPapers.Server.Documentation;
using RagPapers.Server.Health;
using RagPapers.Server.Ingesting;
using RagPapers.Server.RateLimiting;
using RagPapers.Server.Security;
using RagPapers.Server.Streaming;
using RagPapers.Server.Telemetry;
using RagPapers.Storage;
using RagPapers.Server.Collection;
using RagPapers.Server.Configuration;
using RagPapers.Hosting;

namespace RagPapers.Server.Hosting;

public static class ServerServiceCollectionExtensions
{
    /// <summary>
    /// Everything the HTTP front-end adds on top of AddRagPapers (call it after): the validated Server section, a
    /// retrieval cache kept fresh by watching store writes, the ask pipeline (conversations, timings, the event
    /// stream), start-up loading, errors as ProblemDetails, keys, rate limits, timeouts, CORS, request logging,
    /// health checks, OpenAPI and metrics.
    /// </summary>
    public static IServiceCollection AddRagPapersServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>().BindSection(configuration, ServerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsPathValidator>();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsRulesValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>((kestrel, server) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.Value.MaxRequestBodyBytes;
        });

        services.AddSingleton<StoreChanges>();
        services.DecorateSingleton<IPaperIndex>((sp, index) => new ChangeTrackingPaperIndex(index, sp.GetRequiredService<StoreChanges>()));
        services.DecorateSingleton<IPaperRetriever>((sp, retriever) =>
            sp.GetRequiredService<IOptions<ServerOptions>>().Value.RetrievalCacheEntries is > 0 and var capacity
                ? new CachingPaperRetriever(retriever, sp.GetRequiredService<StoreChanges>(), capacity, sp.GetRequiredService<IPaperIndex>().GetService<IStoreVersion>(), ProvisionalWhileIndexing(sp))
                : retriever);
        services.DecorateSingleton<IPaperRetriever>((_, retriever) => new TimedRetriever(retriever));

        services.AddSingleton<CollectionState>();
        services.AddHostedService<CollectionLoadingService>();
        services.AddSingleton<AskRequestValidator>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<AskService>();
        services.AddSingleton<AnswerEventStream>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<ServerMetrics>();

        services.AddServerProtocol();
        services.AddApiKeyAuthentication();
        services.AddClientRateLimiting();
        services.AddServerHealthChecks();
        services.AddServerOpenApi();
        services.AddServerTelemetry();
        return services;
    }

    // Results found while the semantic index is built (by keyword, /similar by title) must not outlive it.
    private static Func<bool> ProvisionalWhileIndexing(IServiceProvider services)
    {
        var indexer = services.GetRequiredService<SemanticIndexer>();
        return () => !indexer.Status.IsComplete;
    }
}
