using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Security;

public sealed class CorsTests(KeyedServer fixture) : IClassFixture<KeyedServer>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Preflight_AllowedOrigin_IsAnsweredWithoutAKey()
    {
        using var sut = await PreflightAsync(KeyedServer.AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, sut.StatusCode);
        Assert.Equal(KeyedServer.AllowedOrigin, sut.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-api-key", string.Join(",", sut.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_OtherOrigin_GetsNoCorsHeaders()
    {
        using var sut = await PreflightAsync("https://evil.example.com");

        Assert.False(sut.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Request_AllowedOrigin_ExposesRetryAfter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Http.Path("/api/search?q=attention"));
        request.Headers.Add("Origin", KeyedServer.AllowedOrigin);
        request.Headers.Add("X-Api-Key", KeyedServer.ReaderKey);

        using var sut = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal(KeyedServer.AllowedOrigin, sut.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", sut.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Http.Path("/api/ask"));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        return _client.SendAsync(request);
    }
}
