using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Interactions;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Hosting;

public static class DiscordEndpointRouteBuilderExtensions
{
    public const string InteractionsPath = "/discord/interactions";

    /// <summary>
    /// Serves POST /discord/interactions once Discord:PublicKey is set (and Discord:Mode includes Interactions);
    /// until then maps nothing (404), and says why only when another Discord setting shows the bot is meant to run:
    /// a server without any Discord setting says nothing about Discord. The endpoint authenticates by Discord's
    /// signature, not by the server's API keys.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionEndpoint).Namespace!);
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (!options.Mode.HasFlag(DiscordMode.Interactions))
        {
            Log.EndpointNotInMode(logger, options.Mode.ToString());
            return endpoints;
        }

        if (!options.IsEndpointEnabled)
        {
            if (!string.IsNullOrWhiteSpace(options.ApplicationId) || !string.IsNullOrWhiteSpace(options.BotToken))
            {
                Log.EndpointOff(logger, InteractionsPath);
            }

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
