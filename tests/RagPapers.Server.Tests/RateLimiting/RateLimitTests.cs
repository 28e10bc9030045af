using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.RateLimiting;

public sealed class RateLimitTests(LimitedServer fixture) : IClassFixture<LimitedServer>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Search_OverTheLimit_Is429WithRetryAfterAndProblem()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LimitedServer.PermitLimit; i++)
        {
            using var allowed = await SearchAsync(LimitedServer.Keys[0]);
            statuses.Add(allowed.StatusCode);
        }

        using var sut = await SearchAsync(LimitedServer.Keys[0]);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await Problem.AssertAsync(sut, HttpStatusCode.TooManyRequests, "retry after");
        var retryAfter = sut.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Search_AnotherKey_HasItsOwnWindow()
    {
        for (var i = 0; i <= LimitedServer.PermitLimit; i++)
        {
            using var _ = await SearchAsync(LimitedServer.Keys[1]);
        }

        using var sut = await SearchAsync(LimitedServer.Keys[2]);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
    }

    [Fact]
    public async Task Search_WithoutKey_IsLimitedByAddressSoKeyGuessingIsSlowedToo()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LimitedServer.PermitLimit; i++)
        {
            using var response = await SearchAsync("guessed-key-000000000000");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, LimitedServer.PermitLimit), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Health_IsNeverLimited()
    {
        for (var i = 0; i < 3 * LimitedServer.PermitLimit; i++)
        {
            using var sut = await _client.GetAsync(Http.Path("/health/live"));
            Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        }
    }

    private Task<HttpResponseMessage> SearchAsync(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Http.Path("/api/search?q=speech%20recognition"));
        request.Headers.Add("X-Api-Key", key);
        return _client.SendAsync(request);
    }
}
