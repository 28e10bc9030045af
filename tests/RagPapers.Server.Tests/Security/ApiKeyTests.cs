using System.Net;
using System.Net.Http.Headers;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Security;

public sealed class ApiKeyTests(KeyedServer fixture) : IClassFixture<KeyedServer>
{
    private const string SearchPath = "/api/search?q=graph%20neural%20networks";
    private readonly HttpClient _client = fixture.Server.Client;
    private readonly RunningServer _server = fixture.Server;

    [Fact]
    public async Task Search_NoKey_Is401WithBearerChallenge()
    {
        using var sut = await SendAsync(HttpMethod.Get, SearchPath);

        await Problem.AssertAsync(sut, HttpStatusCode.Unauthorized, "X-Api-Key");
        Assert.Equal("Bearer", sut.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Stream_NoKeyFromAClientAcceptingOnlyEventStreams_Is401Problem()
    {
        // Before the fallback problem writer, the framework's writer refused this Accept and the client got an empty 500.
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Path("/api/ask/stream")) { Content = Http.Json("""{"question": "graph"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var sut = await _client.SendAsync(request);

        var problem = await Problem.AssertAsync(sut, HttpStatusCode.Unauthorized, "X-Api-Key");
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.2", problem.GetProperty("type").GetString());
        Assert.Equal("/api/ask/stream", problem.GetProperty("instance").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task Search_WrongKey_Is401SayingTheKeyIsNotValid()
    {
        using var sut = await SendAsync(HttpMethod.Get, SearchPath, apiKey: "reader-key-0123456789abcdeX");

        await Problem.AssertAsync(sut, HttpStatusCode.Unauthorized, "not valid");
    }

    [Theory]
    [InlineData(KeyedServer.ReaderKey, false)]
    [InlineData(KeyedServer.ReaderKey, true)]
    [InlineData(KeyedServer.AdminKey, false)]
    [InlineData(KeyedServer.AdminKey, true)]
    public async Task Search_ValidKeyInEitherHeader_Is200(string key, bool asBearer)
    {
        using var sut = await SendAsync(HttpMethod.Get, SearchPath, apiKey: asBearer ? null : key, bearer: asBearer ? key : null);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
    }

    [Fact]
    public async Task Search_TwoApiKeyHeaders_Is401()
    {
        var request = $"GET {SearchPath} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {KeyedServer.ReaderKey}\r\nX-Api-Key: {KeyedServer.AdminKey}\r\nConnection: close\r\n\r\n";

        var (status, response) = await RawHttp.SendAsync(_server.Address, request);

        Assert.Equal(401, status);
        Assert.Contains("one X-Api-Key header", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ReaderKey_Is403AskingForAnAdminKey()
    {
        using var sut = await SendAsync(HttpMethod.Post, "/api/ingest?name=x.jsonl", apiKey: KeyedServer.ReaderKey, body: TinyCollection.Lines[0]);

        await Problem.AssertAsync(sut, HttpStatusCode.Forbidden, "admin key");
    }

    [Fact]
    public async Task Ingest_AdminKey_IsAccepted()
    {
        using var sut = await SendAsync(HttpMethod.Post, "/api/ingest?name=x.jsonl", bearer: KeyedServer.AdminKey, body: TinyCollection.Lines[0]);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(KeyedServer.ReaderKey, HttpStatusCode.Forbidden)]
    [InlineData(KeyedServer.AdminKey, HttpStatusCode.OK)]
    public async Task Metrics_NeedAnAdminKey(string? key, HttpStatusCode expected)
    {
        using var sut = await SendAsync(HttpMethod.Get, "/metrics", apiKey: key);

        Assert.Equal(expected, sut.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task ProbesAndDocument_NoKey_Are200(string path)
    {
        using var sut = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
    }

    [Fact]
    public async Task Logs_AfterKeyedRequests_HoldNeitherKeysNorQueries()
    {
        using var a = await SendAsync(HttpMethod.Get, "/api/search?q=zanzibarquestion", apiKey: KeyedServer.ReaderKey);
        using var b = await SendAsync(HttpMethod.Get, "/api/search?q=zanzibarquestion", bearer: KeyedServer.AdminKey);
        using var c = await SendAsync(HttpMethod.Get, "/api/search?q=zanzibarquestion", apiKey: "wrong-key-but-secret-0000");

        var logs = string.Join('\n', _server.Logs.Lines);
        Assert.Contains("/api/search", logs, StringComparison.Ordinal); // request logging is on
        Assert.DoesNotContain(KeyedServer.ReaderKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyedServer.AdminKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-but-secret", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("zanzibarquestion", logs, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? apiKey = null, string? bearer = null, string? body = null)
    {
        var request = new HttpRequestMessage(method, Http.Path(path));
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body);
        }

        return _client.SendAsync(request);
    }
}
