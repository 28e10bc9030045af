using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>A payload the Gateway stand-in received, with the fake time it arrived at.</summary>
public sealed record ReceivedPayload(int Op, JsonNode? D, DateTimeOffset At)
{
    public override string ToString() => $"op {Op} at {At:HH:mm:ss.fff} {D?.ToJsonString()}";
}

/// <summary>One WebSocket connection the Gateway stand-in accepted: where it came in and what the client sent.</summary>
public sealed class GatewayConnectionRecord(string path, string query)
{
    private readonly ConcurrentQueue<ReceivedPayload> _received = new();

    /// <summary>"/gateway" (the URL from GET /gateway/bot) or "/resume" (READY's resume_gateway_url).</summary>
    public string Path { get; } = path;

    public string Query { get; } = query;

    public IReadOnlyList<ReceivedPayload> Received => _received.ToArray();

    public IReadOnlyList<ReceivedPayload> Heartbeats => Received.Where(p => p.Op == 1).ToArray();

    /// <summary>The close code the client sent, once it closed the connection with a frame.</summary>
    public int? ClientCloseCode { get; internal set; }

    public bool Ended { get; internal set; }

    internal void Add(ReceivedPayload payload) => _received.Enqueue(payload);

    public override string ToString() => $"{Path}?{Query}: {string.Join(", ", Received)}; closed {ClientCloseCode}";
}

/// <summary>A session the stand-in started on Identify: its id, last sequence number, and every event for replay.</summary>
internal sealed class StandInSession(string id)
{
    public string Id { get; } = id;

    public long Sequence { get; set; }

    public List<(long Seq, string Name, JsonNode Data)> History { get; } = [];
}
