using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// A loopback stand-in of Discord's Gateway: real WebSockets on Kestrel (127.0.0.1, port 0), following the docs
/// (see <see cref="StandInGatewayConnection"/>), and able to misbehave on cue: stop ACKing heartbeats, send op 7 or
/// op 9, close with any code, drop the TCP connection. Events dispatched while the client is away are kept and
/// replayed when it resumes. Times are read from the test's clock, so heartbeat timing can be checked exactly.
/// </summary>
public sealed class GatewayStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<GatewayConnectionRecord> _connections = new();
    private readonly ConcurrentQueue<string> _violations = new();

    private GatewayStandIn(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
    }

    public TimeProvider Time { get; }

    internal StandInSessions Sessions { get; } = new();

    /// <summary>What GET /gateway/bot returns.</summary>
    public string Url { get; private set; } = "";

    /// <summary>READY's resume_gateway_url: another path, so tests see which one the client used.</summary>
    public string ResumeUrl { get; private set; } = "";

    public string BotToken { get; set; } = "stand-in-bot-token";

    public string BotUserId { get; set; } = "444444444444444444";

    public string BotUsername { get; set; } = "RagPapers Test Bot";

    public string ApplicationId { get; set; } = InteractionJson.ApplicationId;

    public int HeartbeatIntervalMs { get; set; } = 41_250;

    public bool AckHeartbeats { get; set; } = true;

    /// <summary>When set, every new connection is closed with this code right after Hello (a Gateway in trouble).</summary>
    public int? CloseOnConnect { get; set; }

    /// <summary>Privileged intents the "Developer Portal" has turned on; others close the connection with 4014.</summary>
    public int AllowedPrivilegedIntents { get; set; }

    /// <summary>Intents refused as disallowed although not privileged (as if Discord changed the rules).</summary>
    public int DisallowedIntents { get; set; }

    public IReadOnlyList<GatewayConnectionRecord> Connections => _connections.ToArray();

    /// <summary>Protocol mistakes of the client (a test asserts there were none).</summary>
    public IReadOnlyList<string> Violations => _violations.ToArray();

    public static async Task<GatewayStandIn> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new GatewayStandIn(app, time);
        app.UseWebSockets();
        app.Run(standIn.AcceptAsync);
        await app.StartAsync();
        var root = "ws" + app.Urls.First()["http".Length..];
        standIn.Url = root + "/gateway";
        standIn.ResumeUrl = root + "/resume";
        return standIn;
    }

    /// <summary>Sends an event on the live connection, or keeps it for the replay when no connection is live.</summary>
    public async Task DispatchAsync(string name, JsonNode data)
    {
        var (live, seq) = Sessions.Record(name, data);
        if (live is not null)
        {
            await live.SendDispatchAsync(seq, name, data);
        }
    }

    /// <summary>Sends a raw payload (op 1, 7 or 9) on the live connection.</summary>
    public Task SendAsync(int op, JsonNode? d = null) => Sessions.Live.SendAsync(new JsonObject { ["op"] = op, ["d"] = d, ["s"] = null, ["t"] = null });

    public Task CloseAsync(int code, string reason = "") => Sessions.Live.CloseAsync(code, reason);

    /// <summary>Drops the live connection's TCP connection, with no close frame.</summary>
    public void Drop() => Sessions.Live.Drop();

    public async Task<GatewayConnectionRecord> WaitForConnectionAsync(int count, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => _connections.Count >= count, $"{count} connection(s)", timeout);
        return Connections[count - 1];
    }

    /// <summary>Waits until connection <paramref name="connection"/> (1-based) has received <paramref name="count"/> payloads with opcode <paramref name="op"/>.</summary>
    public async Task<ReceivedPayload> WaitForPayloadAsync(int connection, int op, int count = 1, TimeSpan? timeout = null)
    {
        var record = await WaitForConnectionAsync(connection, timeout);
        await WaitUntilAsync(() => record.Received.Count(p => p.Op == op) >= count, $"{count} op {op} on connection {connection}", timeout);
        return record.Received.Where(p => p.Op == op).ElementAt(count - 1);
    }

    public async Task WaitUntilAsync(Func<bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = _clock.Elapsed + (timeout ?? TimeSpan.FromSeconds(30));
        while (!done())
        {
            if (_clock.Elapsed > deadline)
            {
                throw new TimeoutException($"The Gateway stand-in never saw {what}. Connections:\n" + string.Join("\n", Connections));
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal void Violation(string what) => _violations.Enqueue(what);

    internal JsonNode Ready(StandInSession session) => new JsonObject
    {
        ["v"] = 10,
        ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = BotUsername, ["discriminator"] = "0", ["global_name"] = null, ["bot"] = true },
        ["guilds"] = new JsonArray(),
        ["session_id"] = session.Id,
        ["resume_gateway_url"] = ResumeUrl,
        ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
    };

    internal async Task DispatchToAsync(StandInGatewayConnection connection, StandInSession session, string name, JsonNode data)
    {
        var (_, seq) = Sessions.Record(name, data, session);
        await connection.SendDispatchAsync(seq, name, data);
    }

    /// <summary>Replays what the client missed after <paramref name="seq"/>, then RESUMED; later events go live.</summary>
    internal async Task ResumeAsync(StandInGatewayConnection connection, StandInSession session, long seq)
    {
        foreach (var (s, name, data) in Sessions.Resume(connection, session, seq))
        {
            await connection.SendDispatchAsync(s, name, data);
        }

        await DispatchToAsync(connection, session, "RESUMED", new JsonObject());
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var record = new GatewayConnectionRecord(context.Request.Path.Value ?? "", context.Request.QueryString.Value?.TrimStart('?') ?? "");
        if (record.Query != "v=10&encoding=json")
        {
            Violation($"connected with query '{record.Query}', not v=10&encoding=json");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new StandInGatewayConnection(this, context, socket, record);
        Sessions.Accept(connection);

        _connections.Enqueue(record);
        await connection.RunAsync();
    }
}
