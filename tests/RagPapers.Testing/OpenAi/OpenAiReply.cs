namespace RagPapers.Testing.OpenAi;

public enum OpenAiReplyKind
{
    Text,
    ToolCalls,
    Error,
    Malformed,
    StallBeforeHeaders,
    StallMidStream,
}

/// <summary>One scripted reply of the stand-in. A Text or ToolCalls reply is sent as JSON or as SSE chunks, as the request asks.</summary>
public sealed record OpenAiReply(
    OpenAiReplyKind Kind,
    string Content = "",
    IReadOnlyList<(string Name, string Arguments)>? Calls = null,
    int Status = 200,
    string? RetryAfter = null,
    TimeSpan ChunkDelay = default)
{
    /// <summary>An assistant message; streamed in chunks of a few characters so deltas split words and citations.</summary>
    public static OpenAiReply Text(string content) => new(OpenAiReplyKind.Text, content);

    /// <summary>An assistant message streamed with a pause before each chunk, so a reader sees it arrive as it is written.</summary>
    public static OpenAiReply SlowText(string content, TimeSpan chunkDelay) => new(OpenAiReplyKind.Text, content, ChunkDelay: chunkDelay);

    /// <summary>An assistant message calling tools (name as the client advertised it, arguments as a JSON string).</summary>
    public static OpenAiReply ToolCalls(params (string Name, string Arguments)[] calls) => new(OpenAiReplyKind.ToolCalls, Calls: calls);

    /// <summary>An error status with the OpenAI error body, and a Retry-After header when given.</summary>
    public static OpenAiReply Error(int status, string message = "stand-in error", string? retryAfter = null) =>
        new(OpenAiReplyKind.Error, message, Status: status, RetryAfter: retryAfter);

    /// <summary>200 with a body that is not JSON (a "data:" line that is not JSON when streaming).</summary>
    public static OpenAiReply Malformed() => new(OpenAiReplyKind.Malformed);

    /// <summary>Accepts the request and never answers, until the client gives up.</summary>
    public static OpenAiReply StallBeforeHeaders() => new(OpenAiReplyKind.StallBeforeHeaders);

    /// <summary>Streams the role chunk and the first few characters of <paramref name="content"/>, then stalls until the client gives up.</summary>
    public static OpenAiReply StallMidStream(string content) => new(OpenAiReplyKind.StallMidStream, content);
}
