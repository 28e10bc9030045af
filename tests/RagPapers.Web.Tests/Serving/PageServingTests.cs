using System.Net;
using System.Net.Http.Headers;
using RagPapers.Server.WebChat;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Serving;

/// <summary>The page over plain HTTP: served at "/" without a key, with its security headers, and the API unchanged.</summary>
[Collection(ChatPageCollection.Name)]
public sealed class PageServingTests(ChatPageServer fixture)
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Root_WithoutAKeyOnAServerWithKeys_ServesThePageWithItsSecurityHeaders()
    {
        using var sut = await _client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal("text/html; charset=utf-8", sut.Content.Headers.ContentType?.ToString());
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", await sut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csp = Header(sut, "Content-Security-Policy");
        Assert.Equal(PageHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(sut, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(sut, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("/app.js", "text/javascript; charset=utf-8")]
    [InlineData("/style.css", "text/css; charset=utf-8")]
    [InlineData("/favicon.svg", "image/svg+xml; charset=utf-8")]
    public async Task PageFile_WithoutAKey_IsServedWithItsTypeAndTheSameHeaders(string path, string contentType)
    {
        using var sut = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal(contentType, sut.Content.Headers.ContentType?.ToString());
        Assert.Equal(PageHeaders.ContentSecurityPolicy, Header(sut, "Content-Security-Policy"));
    }

    [Fact]
    public async Task PageFile_Unchanged_IsRevalidatedWith304()
    {
        using var first = await _client.GetAsync(new Uri("/app.js", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/app.js", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var sut = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, sut.StatusCode);
    }

    [Fact]
    public async Task Api_WithAndWithoutAKey_BehavesAsBeforeAndCarriesNoPageHeaders()
    {
        using var refused = await _client.GetAsync(new Uri("/api/search?q=graph", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/search?q=graph", UriKind.Relative));
        request.Headers.Add("X-Api-Key", ChatPageServer.ReaderKey);
        using var allowed = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.False(refused.Headers.Contains("Content-Security-Policy"));
        Assert.False(allowed.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task OperationsEndpoint_WithoutAKey_StillAnswers(string path)
    {
        using var sut = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal("application/json", sut.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/no-such-page.js")]
    [InlineData("GET", "/WebChat/Page/app.js")]
    [InlineData("POST", "/")]
    [InlineData("POST", "/app.js")]
    public async Task NotAPageFile_IsAProblemNotThePage(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Content = method == "POST" ? new StringContent("{}", new MediaTypeHeaderValue("application/json")) : null;

        using var sut = await _client.SendAsync(request);

        Assert.InRange((int)sut.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", sut.Content.Headers.ContentType?.MediaType);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
