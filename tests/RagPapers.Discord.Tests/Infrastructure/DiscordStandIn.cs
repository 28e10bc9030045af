using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// A loopback stand-in of Discord's REST API (real Kestrel on 127.0.0.1, port 0) speaking its wire protocol:
/// webhook edits and follow-ups, interaction callbacks, channel messages and typing, GET /gateway/bot (pointing at
/// the Gateway stand-in), command bulk overwrites with bot-token checks, 429s with rate-limit headers.
/// Every request body is validated against the official schema and Discord's message limits; a violation is
/// answered 400 Invalid Form Body, as Discord would, and recorded so a test can assert there were none.
/// </summary>
public sealed partial class DiscordStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<StandInFault> _faults = new();
    private readonly ConcurrentDictionary<string, JsonArray> _commands = new();
    private int _nextId = 1000;

    private DiscordStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string BotToken { get; set; } = "stand-in-bot-token";

    public string ApplicationId { get; set; } = "111111111111111111";

    public string GuildId { get; set; } = "222222222222222222";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Called for each request before it is answered (e.g. to move a fake clock).</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    public static async Task<DiscordStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new DiscordStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.BaseUrl = app.Urls.First() + "/api/v10";
        return standIn;
    }

    /// <summary>The next request is answered with <paramref name="fault"/> (after being recorded and validated).</summary>
    public void EnqueueFault(StandInFault fault) => _faults.Enqueue(fault);

    public IReadOnlyList<RecordedRequest> ForToken(string token) => Requests.Where(r => r.WebhookToken == token).ToArray();

    public JsonArray? CommandsOf(string scope) => _commands.TryGetValue(scope, out var commands) ? commands : null;

    /// <summary>Waits until <paramref name="done"/> holds for the recorded requests, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitAsync(Func<IReadOnlyList<RecordedRequest>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = _clock.Elapsed + (timeout ?? TimeSpan.FromSeconds(30));
        while (!done(Requests))
        {
            if (_clock.Elapsed > deadline)
            {
                throw new TimeoutException("The stand-in never saw the expected requests. Seen:\n" + string.Join("\n", Requests));
            }

            await Task.Delay(20);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        OnRequest?.Invoke(request);
        if (request.Violations.Count > 0)
        {
            await WriteAsync(context, 400, $$"""{"code":50035,"message":"Invalid Form Body","errors":{{JsonValue.Create(string.Join("; ", request.Violations)).ToJsonString()}}}""");
            return;
        }

        if (_faults.TryDequeue(out var fault))
        {
            foreach (var (name, value) in fault.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await WriteAsync(context, fault.Status, fault.Body);
            return;
        }

        await (request.OperationId switch
        {
            "update_original_webhook_message" or "execute_webhook" => WriteMessageAsync(context, request),
            "bulk_set_application_commands" or "bulk_set_guild_application_commands" => OverwriteCommandsAsync(context, request),
            "create_interaction_response" => WriteNoContentAsync(context),
            "create_message" => WithBotTokenAsync(context, request, () => WriteMessageAsync(context, request)),
            "trigger_typing_indicator" => WithBotTokenAsync(context, request, () => WriteNoContentAsync(context)),
            "get_bot_gateway" => WithBotTokenAsync(context, request, () => WriteAsync(context, 200, GatewayBot())),
            _ => WriteAsync(context, 404, """{"message":"404: Not Found","code":0}"""),
        });
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!["/api/v10".Length..];
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        var spec = DiscordSpec.Instance;
        var operationId = spec?.FindOperationId(context.Request.Method, path) ?? Guess(context.Request.Method, path);
        var violations = new List<string>();
        JsonNode? json = null;
        if (body.Length > 0)
        {
            json = JsonNode.Parse(body);
            violations.AddRange(spec?.Validate(context.Request.Method, path, body) ?? []);
            if (operationId == "create_interaction_response" && json?["data"] is JsonObject data)
            {
                violations.AddRange(MessageLimits.Check(data));
            }
            if (operationId is "update_original_webhook_message" or "execute_webhook" or "create_message")
            {
                violations.AddRange(MessageLimits.Check(json!));
            }
        }

        var request = new RecordedRequest(
            context.Request.Method, path, operationId, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            context.Request.Headers.UserAgent.ToString(), json, violations, _clock.Elapsed);
        _requests.Enqueue(request);
        return request;
    }

    private async Task WriteMessageAsync(HttpContext context, RecordedRequest request)
    {
        var message = request.Body!.DeepClone().AsObject();
        message["id"] = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        message["channel_id"] = "333333333333333333";
        message["type"] = 20;
        await WriteAsync(context, 200, message.ToJsonString());
    }

    private async Task OverwriteCommandsAsync(HttpContext context, RecordedRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (request.Authorization != "Bot " + BotToken)
        {
            await WriteAsync(context, 401, """{"message":"401: Unauthorized","code":0}""");
            return;
        }

        if (segments[1] != ApplicationId)
        {
            await WriteAsync(context, 404, """{"message":"Unknown Application","code":10002}""");
            return;
        }

        if (segments.Length > 4 && segments[3] != GuildId)
        {
            await WriteAsync(context, 403, """{"message":"Missing Access","code":50001}""");
            return;
        }

        var commands = request.Body!.AsArray().DeepClone().AsArray();
        foreach (var command in commands)
        {
            command!["id"] = "9" + command["name"]!.GetValue<string>().Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + command["name"];
            command["application_id"] = ApplicationId;
        }

        _commands[segments.Length > 4 ? "guild:" + segments[3] : "global"] = commands;
        await WriteAsync(context, 200, commands.ToJsonString());
    }

    private static string? Guess(string method, string path) => path switch
    {
        _ when path.EndsWith("/messages/@original", StringComparison.Ordinal) && method == "PATCH" => "update_original_webhook_message",
        _ when path.StartsWith("/webhooks/", StringComparison.Ordinal) && method == "POST" => "execute_webhook",
        _ when path.Contains("/guilds/", StringComparison.Ordinal) && method == "PUT" => "bulk_set_guild_application_commands",
        _ when path.EndsWith("/commands", StringComparison.Ordinal) && method == "PUT" => "bulk_set_application_commands",
        _ => null,
    };

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
