using System.Text.Json;

namespace RagPapers.Testing.OpenAi;

/// <summary>A request the stand-in received: path, headers (lower-case names), body, and its schema violations.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonElement Body, IReadOnlyList<string> SchemaErrors, long ReceivedTimestamp)
{
    public bool IsStreaming => Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    public JsonElement Messages => Body.GetProperty("messages");

    public bool HasTools => Body.TryGetProperty("tools", out var tools) && tools.GetArrayLength() > 0;

    /// <summary>The texts of an embeddings request ("input" is a string or an array of strings).</summary>
    public IReadOnlyList<string> EmbeddingInputs =>
        Body.GetProperty("input") is { ValueKind: JsonValueKind.String } one ? [one.GetString()!] : [.. Body.GetProperty("input").EnumerateArray().Select(e => e.GetString()!)];

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
