using System.Text;

namespace RagPapers.Server.Tests.Campaign;

/// <summary>Requests no HTTP client library would send: broken request lines and headers, lying framing, garbage.</summary>
public sealed class RawRequests(Random random)
{
    /// <summary>The kind of the request whose request line names an HTTP version that does not exist.</summary>
    public const string UnknownVersionKind = "raw protocol: unknown HTTP version";

    private const string End = "Connection: close\r\n\r\n";

    public MalformedRequest Next()
    {
        var choice = random.Next(11);
        var text = choice switch
        {
            0 => "GARBAGE\r\n\r\n",
            1 => $"GET /api/search?q=bert HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n{End}",
            2 => $"GET /api/search?q=bert HTTP/1.1\r\nHost: localhost\r\nNoColonHere\r\n{End}",
            3 => $"POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 7\r\n{End}{{}}",
            4 => $"POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {Pick("-1", "abc", "1e3", "99999999999999999999")}\r\n{End}",
            5 => $"POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n{End}ZZ\r\n{{}}\r\n0\r\n\r\n",
            6 => $"GET /api/search?q={new string('l', random.Next(9_000, 20_000))} HTTP/1.1\r\nHost: localhost\r\n{End}",
            7 => $"GET /api/search?q=bert HTTP/1.1\r\n{End}",
            8 => $"GET /api/search?q=bert HTTP/1.1\r\nHost: localhost\r\nX-Nul: a\0b\r\n{End}",
            9 => $"GET /api/search?q=bert HTTP/9.9\r\nHost: localhost\r\n{End}",
            _ => $"POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n{End}0\r\n\r\n",
        };
        var bytes = Encoding.Latin1.GetBytes(text);
        if (random.Next(5) == 0)
        {
            bytes = [.. bytes[..Math.Min(bytes.Length, 20)], 0xFF, 0xFE, 0x80, .. bytes[Math.Min(bytes.Length, 20)..]]; // non-ASCII in the request line
        }

        return new MalformedRequest(choice == 9 ? UnknownVersionKind : "raw protocol", HttpMethod.Get, "", Raw: bytes);
    }

    private T Pick<T>(params T[] options) => options[random.Next(options.Length)];
}
