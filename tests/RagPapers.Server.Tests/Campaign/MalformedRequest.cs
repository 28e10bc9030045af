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
    /// <summary>This request as raw bytes (<paramref name="server"/> resolving the path as HttpClient does), for <see cref="Infrastructure.RawHttp"/>.</summary>
    public byte[] ToRawBytes(Uri server)
    {
        if (Raw is not null)
        {
            return Raw;
        }

        var text = new System.Text.StringBuilder()
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"{Method.Method} {new Uri(server, Path).PathAndQuery} HTTP/1.1\r\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Host: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in Headers ?? [])
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (Body is not null)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\nContent-Length: {Body.Length}\r\n");
        }

        return [.. System.Text.Encoding.Latin1.GetBytes(text.Append("\r\n").ToString()), .. Body ?? []];
    }

    public override string ToString() => Raw is null
        ? $"{Kind}: {Method} {Truncate(Path)} [{ContentType}] {Truncate(Body is null ? "" : System.Text.Encoding.UTF8.GetString(Body))}"
        : $"{Kind}: raw {Truncate(System.Text.Encoding.Latin1.GetString(Raw))}";

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + $"… ({text.Length} chars)";
}
