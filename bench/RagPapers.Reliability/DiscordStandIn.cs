using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagPapers.Reliability;

/// <summary>Discord's webhook API on loopback, as far as the bot uses it: records every message body, answers with a message object.</summary>
internal sealed class DiscordStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, JsonNode? Body)> _messages = new();

    private DiscordStandIn(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";

    public IReadOnlyList<(string Path, JsonNode? Body)> Messages => [.. _messages];

    public static async Task<DiscordStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new DiscordStandIn(app);
        app.Map("/api/v10/{**path}", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            standIn._messages.Enqueue((context.Request.Path, body.Length > 0 ? JsonNode.Parse(body) : null));
            return Results.Json(new { id = "1", channel_id = "1", content = "", embeds = Array.Empty<object>() });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        standIn.ApiBaseUrl = address + "/api/v10";
        return standIn;
    }

    /// <summary>Waits until the original reply of the interaction with <paramref name="token"/> was edited.</summary>
    public async Task<bool> WaitForReplyAsync(string token, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_messages.Any(m => m.Path.Contains(token, StringComparison.Ordinal) && m.Path.EndsWith("@original", StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>All visible text of a message body: content, embed titles, descriptions, field names and values, footers.</summary>
    public static IEnumerable<string> TextOf(JsonNode? message)
    {
        if (message?["content"]?.GetValue<string>() is { } content)
        {
            yield return content;
        }

        foreach (var embed in message?["embeds"]?.AsArray() ?? [])
        {
            foreach (var node in new[] { embed?["title"], embed?["description"], embed?["footer"]?["text"] }.Concat((embed?["fields"]?.AsArray() ?? []).SelectMany(f => new[] { f?["name"], f?["value"] })))
            {
                if (node?.GetValue<string>() is { } text)
                {
                    yield return text;
                }
            }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
