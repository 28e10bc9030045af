using System.Text.Json;

namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>One Server-Sent Event as read off the wire: its type and its data lines joined.</summary>
public sealed record SseEvent(string Type, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}
