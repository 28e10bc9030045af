using System.Text.Json;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// A payload received from the Gateway: opcode, event data, and for dispatches (op 0) the sequence number and the
/// event name. <see cref="D"/> is read again as the type the opcode or event name says.
/// </summary>
internal sealed record GatewayPayload(int Op, JsonElement D = default, long? S = null, string? T = null)
{
    public static GatewayPayload Parse(ReadOnlyMemory<byte> json) =>
        JsonSerializer.Deserialize(json.Span, GatewayJsonContext.Default.GatewayPayload)
        ?? throw new JsonException("The Gateway sent the JSON literal null as a payload.");

    public T? Data<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        D.ValueKind == JsonValueKind.Object ? D.Deserialize(type) : default;

    public override string ToString() => $"op {Op} {T} s {S}";
}

/// <summary>Hello (op 10): how often to send heartbeats, in milliseconds.</summary>
internal sealed record HelloData(int HeartbeatInterval);

/// <summary>READY: the new session (its id and the URL to resume it on) and who the bot is.</summary>
internal sealed record ReadyData(string SessionId, string ResumeGatewayUrl, GatewayUser User, ReadyApplication? Application = null);

internal sealed record ReadyApplication(string Id);

/// <summary>A user as Gateway events carry it; <see cref="Bot"/> is true for bot accounts.</summary>
internal sealed record GatewayUser(string Id, string? Username = null, string? GlobalName = null, bool? Bot = null);
