using System.Net.Http.Headers;
using System.Text;

namespace RagPapers.Reliability;

/// <summary>Malformed HTTP requests, drawn from a seeded generator so a campaign can be replayed exactly.</summary>
internal static class MalformedRequests
{
    private static readonly string[] Paths =
    [
        "/api/ask", "/api/ask/stream", "/api/search", "/api/papers", "/api/papers/2401.00001", "/api/papers/%2e%2e%2f%2e%2e", "/api/ingest",
        "/discord/interactions", "/health/ready", "/metrics", "/openapi/v1.json", "/", "/api/papers/x/similar",
    ];

    private static readonly string[] BadJson =
    [
        "{", "[]", "null", "42", "\"text\"", """{"question": 5}""", """{"question": null}""", """{"question": "\ud800"}""", """{"question": "ok", "extra": 1}""",
        """{"question": "ok", "filters": {"from": "2024-02-30"}}""", """{"question": "ok", "filters": {"from": 5}}""", """{"question": "ok", "writer": "nope"}""",
        """{"question": "ok", "conversationId": "does-not-exist"}""", """{"question": "" }""", "{\"question\": \"" + new string('q', 3000) + "\"}",
        new string('[', 5000), """{"question": "a\u0000b\u001b[2J"}""", """{"question": [1, 2, 3]}""", "{\"question\": \"ok\"" + new string(' ', 70_000) + "}",
    ];

    private static readonly string[] BadQueries =
    [
        "?q=", "?q=%C3%28", "?q=%00%01", "?q=a&top=-1", "?q=a&top=ten", "?q=a&top=99999999999", "?q=a&from=2024-13-01", "?q=a&to=yesterday",
        "?page=-5&pageSize=1000000", "?query=%FF%FE", "?top=1e9", "?q=" + new string('x', 6000), "?q=a&q=b&q=c", "?name=../../etc/passwd", "?name=%1b%5b2J",
    ];

    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Head];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=klingon", "application/json; charset=utf-16", "text/plain", "application/x-ndjson",
        "multipart/form-data; boundary=x", "application/xml", "application/json; charset=", ";;;", "application/octet-stream",
    ];

    public static HttpRequestMessage Create(Random random)
    {
        var path = Pick(random, Paths) + (random.Next(3) == 0 ? Pick(random, BadQueries) : "");
        var request = new HttpRequestMessage(random.Next(4) == 0 ? Pick(random, Methods) : path.Contains("/api/ask", StringComparison.Ordinal) || path.Contains("ingest", StringComparison.Ordinal) || path.Contains("discord", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options)
        {
            request.Content = Body(random);
        }

        AddHeaders(random, request);
        return request;
    }

    private static ByteArrayContent Body(Random random)
    {
        byte[] bytes = random.Next(5) switch
        {
            0 => RandomBytes(random, random.Next(0, 4096)),
            1 => [.. Encoding.UTF8.GetBytes("{\"question\": \""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")],
            _ => Encoding.UTF8.GetBytes(Pick(random, BadJson)),
        };
        var content = new ByteArrayContent(bytes);
        if (random.Next(6) != 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", Pick(random, ContentTypes));
        }

        return content;
    }

    private static void AddHeaders(Random random, HttpRequestMessage request)
    {
        switch (random.Next(8))
        {
            case 0:
                request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", new string('z', 128));
                request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", "99999999999999999999");
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 8000));
                break;
            case 2:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key-of-this-server");
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("Accept", "text/event-stream, */*;q=abc");
                break;
            case 4:
                request.Headers.TryAddWithoutValidation("Last-Event-ID", "-1");
                break;
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
