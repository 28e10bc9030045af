using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Cancellation;

public sealed class CancellationTests(GateServer fixture) : IClassFixture<GateServer>
{
    private const string GatedQuestion = """{"question": "graph neural networks for molecules", "writer": "gate"}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly GateServer _fixture = fixture;
    private readonly HttpClient _client = fixture.Server.Client;

    [Theory]
    [InlineData("/api/ask/stream")]
    [InlineData("/api/ask")]
    public async Task Ask_ClientDisconnectsMidAnswer_TheWorkIsCancelled(string path)
    {
        _fixture.Gate.Reset();
        using var disconnect = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Path(path)) { Content = Http.Json(GatedQuestion) };
        var pending = _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, disconnect.Token);
        await _fixture.Gate.Entered.WaitAsync(Patience);

        await disconnect.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await _fixture.Gate.Cancelled.WaitAsync(Patience);
        await WaitForMetricAsync("ragpapers_answers_total{", "status=\"cancelled\"", "writer=\"gate\"");
    }

    [Fact]
    public async Task Ask_SlowerThanTheRequestTimeout_Is504ProblemAndTheWorkIsCancelled()
    {
        _fixture.Gate.Reset();

        using var sut = await _client.PostAsync(Http.Path("/api/ask"), Http.Json(GatedQuestion));

        await Problem.AssertAsync(sut, HttpStatusCode.GatewayTimeout, "Server:RequestTimeoutSeconds");
        await _fixture.Gate.Cancelled.WaitAsync(Patience);
    }

    [Fact]
    public async Task Stream_SlowerThanTheStreamTimeout_Is504ProblemAndTheWorkIsCancelled()
    {
        _fixture.Gate.Reset();

        using var sut = await _client.PostAsync(Http.Path("/api/ask/stream"), Http.Json(GatedQuestion));

        await Problem.AssertAsync(sut, HttpStatusCode.GatewayTimeout);
        await _fixture.Gate.Cancelled.WaitAsync(Patience);
    }

    [Fact]
    public async Task Ask_DefaultWriter_IsStillExtractiveWithTheGateRegistered()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "sparse attention for long documents"}""");

        Assert.Equal("extractive", sut.GetProperty("writer").GetString());
    }

    [Fact]
    public async Task Ask_UnknownWriter_ListsEveryRegisteredWriter()
    {
        using var sut = await _client.PostAsync(Http.Path("/api/ask"), Http.Json("""{"question": "x", "writer": "llm"}"""));

        await Problem.AssertAsync(sut, HttpStatusCode.BadRequest, "available: extractive, gate");
    }

    private async Task WaitForMetricAsync(params string[] parts)
    {
        var deadline = DateTime.UtcNow + Patience;
        string text;
        do
        {
            text = await _client.GetStringAsync(Http.Path("/metrics"));
            if (text.Split('\n').Any(line => parts.All(p => line.Contains(p, StringComparison.Ordinal))))
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"no metric line with {string.Join(" and ", parts)}:\n{text}");
    }
}
