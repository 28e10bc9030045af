using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Background;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Conversations;
using RagPapers.Discord.Gateway;
using RagPapers.Discord.Interactions;
using RagPapers.Discord.Rest;
using RagPapers.Discord.Configuration;
using RagPapers.Hosting;

namespace RagPapers.Discord.Hosting;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// The Discord bot: validated Discord options, the REST client, the interactions endpoint's services, the
    /// Gateway connection (which runs when Discord:Mode includes Gateway) and the background worker that answers
    /// queued commands. Needs the core (AddRagPapers) registered too; serve the endpoint with
    /// <see cref="DiscordEndpointRouteBuilderExtensions.MapDiscordInteractions"/>.
    /// </summary>
    public static IServiceCollection AddRagPapersDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordRestClient(configuration);
        services.AddSingleton<InteractionSignature>();
        services.AddSingleton<InteractionReplayGuard>();
        services.AddSingleton<InteractionQueue>();
        services.AddSingleton<InteractionTriage>();
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<InteractionEndpoint>();
        services.AddSingleton<ChannelConversations>();
        services.AddSingleton<DiscordCommandHandler>();
        services.AddSingleton<InteractionDelivery>();
        services.AddSingleton<InteractionProcessor>();
        services.AddHostedService<InteractionWorker>();
        services.AddDiscordGateway();
        return services;
    }

    private static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.TryAddSingleton(GatewayJitter.Random);
        services.AddSingleton<GatewaySession>();
        services.AddSingleton<IdentifyLimiter>();
        services.AddSingleton<GatewayInteractionHandler>();
        services.AddSingleton<MentionHandler>();
        services.AddSingleton<GatewayDispatcher>();
        services.AddSingleton<GatewayClient>();
        services.AddSingleton<GatewayStatus>();
        services.AddHostedService<GatewayService>();
        return services;
    }

    /// <summary>Only what talks to Discord's REST API (for `ragpapers discord register`): options, rate limits, the client.</summary>
    public static IServiceCollection AddDiscordRestClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().BindSection(configuration, DiscordOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordSettingsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RateLimitBuckets>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton(provider => new CommandRegistrar(
            provider.GetRequiredService<DiscordRestClient>(), provider.GetRequiredService<IOptions<DiscordOptions>>()));

        // No HttpClient logging: webhook URLs carry interaction tokens, which must never reach a log. No client
        // timeout: DiscordResilience bounds each attempt, and its retries must not be cut by a timeout of their own.
        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, http) =>
        {
            var settings = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            http.BaseAddress = new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", DiscordRestClient.UserAgent(settings.UserAgentUrl));
            http.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllLoggers();
        return services;
    }
}
