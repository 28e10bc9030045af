using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Hosting;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task Start_CollectionPathMissing_StaysLiveButNotReadyAndSaysWhy()
    {
        await using var sut = await RunningServer.StartAsync(
            new Dictionary<string, string> { ["Collection:Paths:0"] = "/nonexistent/papers" }, waitUntilReady: false);

        var ready = await WaitForCollectionFailureAsync(sut.Client);
        using var live = await sut.Client.GetAsync(Http.Path("/health/live"));
        using var search = await sut.Client.GetAsync(Http.Path("/api/search?q=bert"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("/nonexistent/papers", ready, StringComparison.Ordinal);
        await Problem.AssertAsync(search, HttpStatusCode.ServiceUnavailable, "/nonexistent/papers");
        Assert.Contains(sut.Logs.Lines, line => line.StartsWith("Critical", StringComparison.Ordinal) && line.Contains("could not be loaded", StringComparison.Ordinal));
    }

    private static async Task<string> WaitForCollectionFailureAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(Http.Path("/health/ready"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            if (body.Contains("does not exist", StringComparison.Ordinal) || attempt == 200)
            {
                return body;
            }

            await Task.Delay(50);
        }
    }
}
