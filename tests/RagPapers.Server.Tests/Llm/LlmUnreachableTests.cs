using System.Net;
using System.Net.Sockets;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Llm;

public sealed class LlmUnreachableTests
{
    [Fact]
    public async Task Ready_LlmEndpointDown_IsUnhealthyNamingItWhileAnswersFallBack()
    {
        using var collection = new TempFolder();
        var endpoint = $"http://127.0.0.1:{ClosedPort()}/v1";
        await using var sut = await RunningServer.StartAsync(TinyCollection.Settings(collection, new()
        {
            ["Chat:Provider"] = "OpenAI",
            ["Chat:Endpoint"] = endpoint,
            ["Chat:Model"] = "llama3.1:8b",
            ["Chat:MaxRetries"] = "0",
        }), waitUntilReady: false);

        var ready = await WaitForCollectionAsync(sut.Client);
        var answer = await Http.PostJsonAsync(sut.Client, "/api/ask", """{"question": "graph neural networks for molecules"}""");

        Assert.Contains("cannot be reached", ready, StringComparison.Ordinal);
        Assert.Contains(endpoint, ready, StringComparison.Ordinal);
        Assert.Equal("extractive", answer.GetProperty("writer").GetString());
        Assert.Contains("LLM unreachable", answer.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    // Waits until the collection is in, then returns the readiness report, which is 503 because of the LLM alone.
    private static async Task<string> WaitForCollectionAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(Http.Path("/health/ready"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            if (body.Contains("papers loaded", StringComparison.Ordinal) || attempt == 300)
            {
                return body;
            }

            await Task.Delay(50);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
