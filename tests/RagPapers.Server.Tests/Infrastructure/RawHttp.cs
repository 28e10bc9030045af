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

        var response = await ReadUntilClosedAsync(stream, cancellationToken);
        var status = response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(response.AsSpan(9, 3), out var code) ? code : 0;
        return (status, response);
    }

    /// <summary>What the server sent before it closed; a reset after its answer (it closed with our bytes unread) keeps the answer.</summary>
    private static async Task<string> ReadUntilClosedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // reset once the server closed with our bytes unread: what it sent before is its answer
        }

        return Encoding.Latin1.GetString(received.GetBuffer(), 0, (int)received.Length);
    }

    public static Task<(int Status, string Response)> SendAsync(Uri server, string request, CancellationToken cancellationToken = default) =>
        SendAsync(server, Encoding.Latin1.GetBytes(request), cancellationToken);
}
