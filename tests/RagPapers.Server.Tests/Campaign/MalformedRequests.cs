using System.Globalization;
using System.Text;

namespace RagPapers.Server.Tests.Campaign;

/// <summary>
/// Generates requests that must each be refused with a 4xx, from a seeded <see cref="Random"/>: bad bodies with
/// odd content types, bad query parameters, unknown papers and conversations, wrong methods and paths, abused
/// headers, and raw protocol garbage.
/// </summary>
public sealed class MalformedRequests(Random random)
{
    private static readonly string[] AskPaths = ["/api/ask", "/api/ask/stream"];
    private readonly MalformedBodies _bodies = new(random);
    private readonly RawRequests _raw = new(random);

    public MalformedRequest Next() => random.Next(100) switch
    {
        < 45 => Ask(),
        < 50 => Huge(),
        < 55 => WrongContentType(),
        < 70 => Search(),
        < 78 => Papers(),
        < 82 => WrongMethod(),
        < 85 => UnknownPath(),
        < 88 => UnknownConversation(),
        < 93 => HeaderAbuse(),
        _ => _raw.Next(),
    };

    private MalformedRequest Ask()
    {
        var (kind, body) = _bodies.Next();
        var contentType = Pick("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8", "APPLICATION/JSON");
        return new MalformedRequest("ask: " + kind, HttpMethod.Post, Pick(AskPaths), body, contentType);
    }

    private MalformedRequest Huge() =>
        new("ask: body over 64 KB", HttpMethod.Post, Pick(AskPaths), _bodies.Huge(), "application/json");

    // A good question with a content type that is not JSON, or JSON in a charset nobody knows with a bad body.
    private MalformedRequest WrongContentType()
    {
        var good = Encoding.UTF8.GetBytes("""{"question": "What is BERT?"}""");
        return random.Next(3) == 0
            ? new("ask: unknown charset", HttpMethod.Post, Pick(AskPaths), Encoding.UTF8.GetBytes("""{"question": 1}"""), "application/json; charset=klingon")
            : new("ask: not JSON content type", HttpMethod.Post, Pick(AskPaths), good, Pick("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png", "text/json"));
    }

    private MalformedRequest Search()
    {
        var query = random.Next(9) switch
        {
            0 => "",
            1 => "q=" + Pick("", "%20%20", "+"),
            2 => "q=bert&top=" + Pick("0", "-1", "51", "1000", "abc", "1.5", "99999999999", "%00", "1e3"),
            3 => "q=bert&from=" + Pick("2024-02-30", "2024-13-01", "x", "2024-06-01T00:00:00", "%ZZ"),
            4 => "q=bert&to=" + Pick("31/12/2024", "never", "2024-00-10"),
            5 => "q=bert&from=2024-06-01&to=2024-01-01",
            6 => "q=" + new string('w', random.Next(2001, 4000)),
            7 => "q=bert&source=" + new string('s', random.Next(256, 600)),
            _ => "q=bert&top=" + Pick("abc", "0") + "&top=" + Pick("1", "2"),
        };
        return new MalformedRequest("search: bad query", HttpMethod.Get, "/api/search?" + query);
    }

    private MalformedRequest Papers()
    {
        var path = random.Next(6) switch
        {
            0 => "/api/papers/" + Pick("nope", "t-" + Hex(16), "9999.99999", "%ZZ", "%00", "..%2F..%2Fetc", "%C0%AF", Uri.EscapeDataString(new string('i', 201))),
            1 => $"/api/papers/t-{Hex(16)}/similar",
            2 => "/api/papers?page=" + Pick("0", "-3", "abc", "100001", "2147483648"),
            3 => "/api/papers?pageSize=" + Pick("0", "101", "-1", "many"),
            4 => "/api/papers/t-51374f71b7ebe08a/similar?top=" + Pick("0", "51", "x"),
            _ => "/api/papers?query=" + new string('p', random.Next(201, 400)),
        };
        return new MalformedRequest("papers: bad id or page", HttpMethod.Get, path);
    }

    private MalformedRequest WrongMethod()
    {
        var (method, path) = Pick(
            (HttpMethod.Get, "/api/ask"), (HttpMethod.Put, "/api/ask"), (HttpMethod.Delete, "/api/search"), (HttpMethod.Patch, "/api/papers"),
            (HttpMethod.Get, "/api/ingest"), (HttpMethod.Post, "/health/ready"), (HttpMethod.Delete, "/api/papers/t-51374f71b7ebe08a"));
        return new MalformedRequest("wrong method", method, path);
    }

    private MalformedRequest UnknownPath() =>
        new("unknown path", HttpMethod.Get, Pick("/api", "/api/", "/api/asks", "/api/papers/a/b/c", "/" + Hex(8), "/api/search/", "/API/x", "/api/%2e%2e/%2e%2e/etc/passwd"));

    private MalformedRequest UnknownConversation() =>
        new("unknown conversation", HttpMethod.Post, Pick(AskPaths), Encoding.UTF8.GetBytes($$"""{"question": "BERT", "conversationId": "{{Hex(32)}}"}"""), "application/json");

    // Headers HttpClient will still send: keys that are no keys on an open server do not matter, so the body or
    // query always carries its own mistake; oversized headers are refused by Kestrel itself.
    private MalformedRequest HeaderAbuse()
    {
        var headers = new List<KeyValuePair<string, string>>();
        switch (random.Next(4))
        {
            case 0:
                headers.Add(new("X-Api-Key", new string('k', random.Next(1, 20_000))));
                break;
            case 1:
                headers.Add(new("Authorization", Pick("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer " + new string('b', 5000), "Digest x")));
                break;
            case 2:
                headers.Add(new("X-Filler", new string('f', random.Next(33_000, 60_000))));
                break;
            default:
                headers.AddRange(Enumerable.Range(0, random.Next(10, 400)).Select(i => new KeyValuePair<string, string>($"X-H{i}", new string('v', 100))));
                break;
        }

        var (kind, body) = _bodies.Next();
        return new MalformedRequest("header abuse + " + kind, HttpMethod.Post, "/api/ask", body, "application/json", headers);
    }

    private string Hex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => random.Next(16).ToString("x", CultureInfo.InvariantCulture)));

    private T Pick<T>(params T[] options) => options[random.Next(options.Length)];
}
