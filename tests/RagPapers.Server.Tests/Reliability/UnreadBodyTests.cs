using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Reliability;

/// <summary>
/// Found by the HTTP campaign (requests 3824 and later, docs/reliability.md): an answer given without reading a body
/// over the limit (401, 404, 405, 415) kept the connection alive, then the server closed it when it could not drain
/// that body, and the client's next request on it was dropped without an answer.
/// </summary>
public sealed class UnreadBodyTests(HostileServer fixture) : IClassFixture<HostileServer>
{
    private const int OverTheLimit = 70 * 1024;

    [Theory]
    [InlineData("DELETE", "/api/ask", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/papers/2401.00001", HttpStatusCode.MethodNotAllowed)]
    public async Task Send_BodyOverTheLimitTheEndpointNeverReads_AnswersWithConnectionClose(string method, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Http.Path(path)) { Content = new ByteArrayContent(new byte[OverTheLimit]) };

        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose, $"{method} {path}: {response.Headers}");
    }

    [Fact]
    public async Task Send_SmallBodyTheEndpointNeverReads_KeepsTheConnection()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Http.Path("/api/ask")) { Content = new ByteArrayContent(new byte[100]) };

        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.NotEqual(true, response.Headers.ConnectionClose);
    }
}
