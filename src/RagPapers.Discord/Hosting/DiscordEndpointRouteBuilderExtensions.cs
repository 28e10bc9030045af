using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Interactions;

namespace RagPapers.Discord.Hosting;

public static class DiscordEndpointRouteBuilderExtensions
{
    public const string InteractionsPath = "/discord/interactions";

    /// <summary>
    /// Serves POST /discord/interactions once Discord:PublicKey is set (and Discord:Mode includes Interactions);
    /// until then maps nothing (404) and logs why. The endpoint authenticates by Discord's signature, not by the
    /// server's API keys.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionEndpoint).Namespace!);
        var settings = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (!settings.Mode.HasFlag(DiscordMode.Interactions))
        {
            Log.EndpointNotInMode(logger, settings.Mode.ToString());
            return endpoints;
        }

        if (!settings.IsEndpointEnabled)
        {
            Log.EndpointOff(logger, InteractionsPath);
            return endpoints;
        }

        endpoints.MapPost(InteractionsPath, (HttpContext context, InteractionEndpoint endpoint) => endpoint.HandleAsync(context.Request, context.RequestAborted))
            .WithName("DiscordInteractions")
            .AllowAnonymous()
            .ExcludeFromDescription();
        Log.EndpointOn(logger, InteractionsPath);
        return endpoints;
    }
}
