using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RagPapers.Discord.Gateway;

/// <summary>What the bot sends on one connection (Identify, Resume, Heartbeat), each through the send-rate limiter.</summary>
internal sealed class GatewayOutbox(GatewaySocket socket, GatewayIdentity identity, TimeProvider time)
{
    private readonly GatewaySendLimiter _limiter = new(time);

    public Task IdentifyAsync(CancellationToken cancellationToken) => SendAsync(
        new GatewaySend<IdentifyData>(GatewayOpcode.Identify, new(identity.Token, IdentifyProperties.Current, identity.Intents)),
        GatewayJsonContext.Default.GatewaySendIdentifyData,
        isHeartbeat: false,
        cancellationToken);

    public Task ResumeAsync(string sessionId, long sequence, CancellationToken cancellationToken) => SendAsync(
        new GatewaySend<ResumeData>(GatewayOpcode.Resume, new(identity.Token, sessionId, sequence)),
        GatewayJsonContext.Default.GatewaySendResumeData,
        isHeartbeat: false,
        cancellationToken);

    /// <summary>A heartbeat carrying the last sequence number received, or null before any.</summary>
    public Task HeartbeatAsync(long? sequence, CancellationToken cancellationToken) => SendAsync(
        new GatewaySend<long?>(GatewayOpcode.Heartbeat, sequence),
        GatewayJsonContext.Default.GatewaySendNullableInt64,
        isHeartbeat: true,
        cancellationToken);

    private async Task SendAsync<T>(GatewaySend<T> payload, JsonTypeInfo<GatewaySend<T>> type, bool isHeartbeat, CancellationToken cancellationToken)
    {
        await _limiter.WaitAsync(isHeartbeat, cancellationToken);
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(payload, type), cancellationToken);
    }
}
