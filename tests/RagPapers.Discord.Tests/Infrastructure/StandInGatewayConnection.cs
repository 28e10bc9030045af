using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// One connection of the Gateway stand-in, as Discord runs it (gateway docs, opcodes and close codes): Hello first,
/// heartbeats ACKed (unless told not to), Identify and Resume checked and answered with READY or a replay and
/// RESUMED, and the client's mistakes closed with the code Discord would use.
/// </summary>
internal sealed class StandInGatewayConnection(GatewayStandIn owner, HttpContext context, WebSocket socket, GatewayConnectionRecord record)
{
    private const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);

    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly EventWindow _received = new(owner.Time, 120, TimeSpan.FromSeconds(60));

    public GatewayConnectionRecord Record => record;

    public StandInSession? Session { get; internal set; }

    public async Task RunAsync()
    {
        try
        {
            await SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = owner.HeartbeatIntervalMs }, ["s"] = null, ["t"] = null });
            if (owner.CloseOnConnect is { } code)
            {
                await CloseAsync(code, "closed on connect");
            }

            while (await ReceiveAsync() is { } text)
            {
                await HandleAsync(text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the client dropped the connection, or a test did
        }
        finally
        {
            record.Ended = true;
            owner.Sessions.Detach(this);
        }
    }

    public Task SendDispatchAsync(long seq, string name, JsonNode data) =>
        SendAsync(new JsonObject { ["op"] = 0, ["d"] = data.DeepClone(), ["s"] = seq, ["t"] = name });

    public async Task SendAsync(JsonNode payload)
    {
        await _sendGate.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        await _sendGate.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame, as a network failure would.</summary>
    public void Drop() => context.Abort();

    private async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                record.ClientCloseCode = (int?)result.CloseStatus;
                await CloseAsync((int)(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "bye");
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private async Task HandleAsync(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > 4_096 || !TryParse(text, out var payload))
        {
            owner.Violation($"undecodable or over 4096 bytes: {text[..Math.Min(text.Length, 200)]}");
            await CloseAsync(4002, "Decode error");
            return;
        }

        var op = payload["op"]!.GetValue<int>();
        record.Add(new ReceivedPayload(op, payload["d"]?.DeepClone(), owner.Time.GetUtcNow()));
        if (!_received.Add())
        {
            owner.Violation("more than 120 events in 60 s");
            await CloseAsync(4008, "Rate limited");
            return;
        }

        await (op switch
        {
            1 => owner.AckHeartbeats ? SendAsync(new JsonObject { ["op"] = 11 }) : Task.CompletedTask,
            2 => IdentifyAsync(payload["d"]),
            6 => ResumeAsync(payload["d"]),
            _ => CloseAsync(Session is null ? 4003 : 4001, Session is null ? "Not authenticated" : "Unknown opcode"),
        });
    }

    private async Task IdentifyAsync(JsonNode? d)
    {
        if (Session is not null)
        {
            await CloseAsync(4005, "Already authenticated");
            return;
        }

        if (d?["token"]?.GetValue<string>() != owner.BotToken)
        {
            await CloseAsync(4004, "Authentication failed");
            return;
        }

        var intents = d["intents"]?.GetValue<int>() ?? -1;
        var properties = d["properties"];
        if (intents < 0 || new[] { "os", "browser", "device" }.Any(p => string.IsNullOrEmpty(properties?[p]?.GetValue<string>())))
        {
            owner.Violation("Identify without intents or properties: " + d.ToJsonString().Replace(owner.BotToken, "***", StringComparison.Ordinal));
            await CloseAsync(4001, "Unknown opcode");
            return;
        }

        if ((intents & PrivilegedIntents & ~owner.AllowedPrivilegedIntents) != 0 || (intents & owner.DisallowedIntents) != 0)
        {
            await CloseAsync(4014, "Disallowed intent(s)");
            return;
        }

        var started = owner.Sessions.Start(this);
        await owner.DispatchToAsync(this, started, "READY", owner.Ready(started));
    }

    private async Task ResumeAsync(JsonNode? d)
    {
        if (d?["token"]?.GetValue<string>() != owner.BotToken)
        {
            await CloseAsync(4004, "Authentication failed");
            return;
        }

        var session = owner.Sessions.Find(d["session_id"]?.GetValue<string>());
        var seq = d["seq"]?.GetValue<long>() ?? -1;
        if (session is null)
        {
            await SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return;
        }

        if (seq < 0 || seq > session.Sequence)
        {
            await CloseAsync(4007, "Invalid seq");
            return;
        }

        await owner.ResumeAsync(this, session, seq);
    }

    private static bool TryParse(string text, out JsonNode payload)
    {
        try
        {
            payload = JsonNode.Parse(text)!;
            return payload["op"] is JsonValue;
        }
        catch (JsonException)
        {
            payload = null!;
            return false;
        }
    }
}
