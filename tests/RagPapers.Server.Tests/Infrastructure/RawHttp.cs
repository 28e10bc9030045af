using System.Net.Sockets;
using System.Text;

namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>
/// Sends bytes HttpClient would refuse to produce (repeated or malformed headers, lying Content-Length, raw
/// garbage) over a plain socket and returns the status code of the answer, or 0 when the server just closed.
/// Requests should say "Connection: close" so the server ends the exchange; the token bounds the wait otherwise.
/// </summary>
public static class RawHttp
{
    public static async Task<(int Status, string Response)> SendAsync(Uri server, byte[] request, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cancellationToken);
        }
        catch (IOException)
        {
            // the server may answer and close before reading everything (413, 431): read what it said
        }

        using var reader = new StreamReader(stream, Encoding.Latin1);
        var response = await reader.ReadToEndAsync(cancellationToken);
        var status = response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(response.AsSpan(9, 3), out var code) ? code : 0;
        return (status, response);
    }

    public static Task<(int Status, string Response)> SendAsync(Uri server, string request, CancellationToken cancellationToken = default) =>
        SendAsync(server, Encoding.Latin1.GetBytes(request), cancellationToken);
}
