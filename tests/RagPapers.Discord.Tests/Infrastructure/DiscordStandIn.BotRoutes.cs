using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>The routes a Gateway bot adds: GET /gateway/bot, and channel messages and typing, all with the bot token.</summary>
public sealed partial class DiscordStandIn
{
    /// <summary>The url GET /gateway/bot returns (the Gateway stand-in's).</summary>
    public string GatewayUrl { get; set; } = "wss://gateway.discord.gg";

    /// <summary>The session_start_limit GET /gateway/bot returns.</summary>
    public JsonObject SessionStartLimit { get; set; } = new() { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 };

    private async Task WithBotTokenAsync(HttpContext context, RecordedRequest request, Func<Task> answer)
    {
        if (request.Authorization != "Bot " + BotToken)
        {
            await WriteAsync(context, 401, """{"message":"401: Unauthorized","code":0}""");
            return;
        }

        await answer();
    }

    private string GatewayBot() =>
        new JsonObject { ["url"] = GatewayUrl, ["shards"] = 1, ["session_start_limit"] = SessionStartLimit.DeepClone() }.ToJsonString();

    private static Task WriteNoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
