using System.Text.Json;

namespace RagPapers.Tests.OpenAi;

/// <summary>A request the stand-in received: path, headers (lower-case names), body, and its schema violations.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonElement Body, IReadOnlyList<string> SchemaErrors, long ReceivedTimestamp)
{
    public bool IsStreaming => Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    public JsonElement Messages => Body.GetProperty("messages");

    public bool HasTools => Body.TryGetProperty("tools", out var tools) && tools.GetArrayLength() > 0;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>The content of the message at <paramref name="index"/> (negative counts from the end).</summary>
    public string MessageContent(int index)
    {
        var messages = Messages;
        var i = index < 0 ? messages.GetArrayLength() + index : index;
        var content = messages[i].GetProperty("content");
        return content.ValueKind == JsonValueKind.String ? content.GetString()! : content.GetRawText();
    }

    public string MessageRole(int index)
    {
        var messages = Messages;
        var i = index < 0 ? messages.GetArrayLength() + index : index;
        return messages[i].GetProperty("role").GetString()!;
    }
}
