namespace RagPapers.Server.Tests.Campaign;

/// <summary>
/// One generated request that must be refused with a 4xx: sent by HttpClient (method, path, body, headers) or,
/// when <paramref name="Raw"/> is set, as raw bytes over a socket.
/// </summary>
public sealed record MalformedRequest(
    string Kind,
    HttpMethod Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    byte[]? Raw = null)
{
    public override string ToString() => Raw is null
        ? $"{Kind}: {Method} {Truncate(Path)} [{ContentType}] {Truncate(Body is null ? "" : System.Text.Encoding.UTF8.GetString(Body))}"
        : $"{Kind}: raw {Truncate(System.Text.Encoding.Latin1.GetString(Raw))}";

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + $"… ({text.Length} chars)";
}
