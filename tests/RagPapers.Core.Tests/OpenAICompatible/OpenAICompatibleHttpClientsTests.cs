using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RagPapers.OpenAICompatible;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Core.Tests.OpenAICompatible;

/// <summary>
/// The IHttpClientFactory client every OpenAI-compatible endpoint goes through, on real HTTP against the loopback
/// stand-in, with every wait (back-off, Retry-After, timeouts, the breaker's break) on a fake clock.
/// </summary>
public sealed class OpenAICompatibleHttpClientsTests : IAsyncDisposable
{
    private const string ClientName = "test";
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new();
    private OpenAiStandIn? _server;
    private ServiceProvider? _services;

    private OpenAiStandIn Server => _server ?? throw new InvalidOperationException("not started");

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task SendAsync_TransientStatusWithRetryAfter_WaitsThatLongOnTheClockThenRetries(int status)
    {
        var sut = await StartAsync(new EndpointResilience(2, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)));
        Server.Reply(OpenAiReply.Error(status, "busy", retryAfter: "3"), OpenAiReply.Text("ok"));

        var send = SendAsync(sut);
        var waited = await AdvanceUntilAsync(() => Server.ChatRequests.Count == 2 || send.IsCompleted);
        using var response = await send;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Server.ChatRequests.Count);
        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8)); // Retry-After, not the 1 s back-off
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task SendAsync_ClientError_IsNotRetried(int status)
    {
        var sut = await StartAsync(new EndpointResilience(3, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)));
        Server.Reply(OpenAiReply.Error(status, "wrong request"), OpenAiReply.Text("ok"));

        using var response = await SendAsync(sut);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(Server.ChatRequests);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondTheCap_ReturnsTheFailureAtOnce()
    {
        var sut = await StartAsync(new EndpointResilience(3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)));
        Server.Reply(OpenAiReply.Error(429, "rate limited", retryAfter: "120"), OpenAiReply.Text("ok"));

        using var response = await SendAsync(sut);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(Server.ChatRequests);
    }

    [Fact]
    public async Task SendAsync_AttemptStalls_TimesOutOnTheClockAndRetries()
    {
        var sut = await StartAsync(new EndpointResilience(1, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)));
        Server.Reply(OpenAiReply.StallBeforeHeaders(), OpenAiReply.Text("ok"));

        var send = SendAsync(sut);
        var waited = await AdvanceUntilAsync(() => send.IsCompleted);
        using var response = await send;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Server.ChatRequests.Count);
        Assert.True(waited >= TimeSpan.FromSeconds(5), $"waited {waited}");
    }

    [Fact]
    public async Task SendAsync_EveryAttemptStalls_FailsWhenTheTotalTimeoutExpires()
    {
        var sut = await StartAsync(new EndpointResilience(5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)));
        Server.UnscriptedChatReply = OpenAiReply.StallBeforeHeaders();

        var send = SendAsync(sut);
        var waited = await AdvanceUntilAsync(() => send.IsCompleted);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => send);
        Assert.InRange(waited, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9));
        Assert.InRange(Server.ChatRequests.Count, 1, 2); // cut at 4 s, a jittered back-off, then cut at 6 s whatever runs
    }

    [Fact]
    public async Task SendAsync_EndpointFoundDown_FailsFastForTheBreakThenTriesAgain()
    {
        var sut = await StartAsync(new EndpointResilience(0, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)));
        Server.Reply(OpenAiReply.StallBeforeHeaders(), OpenAiReply.StallBeforeHeaders(), OpenAiReply.Text("back"), OpenAiReply.Text("again"));

        for (var i = 0; i < 2; i++)
        {
            var stalled = SendAsync(sut);
            await AdvanceUntilAsync(() => stalled.IsCompleted);
            await Assert.ThrowsAsync<TimeoutRejectedException>(() => stalled);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => SendAsync(sut)); // no request: the endpoint was just found down
        Assert.Equal(2, Server.ChatRequests.Count);

        _time.Advance(EndpointResilience.BreakDuration);
        using var probe = await SendAsync(sut);
        using var next = await SendAsync(sut);

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode); // the breaker closed again
        Assert.Equal(4, Server.ChatRequests.Count);
    }

    [Fact]
    public async Task SendAsync_ErrorStatuses_DoNotOpenTheBreaker()
    {
        var sut = await StartAsync(new EndpointResilience(0, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)));
        Server.Reply(OpenAiReply.Error(500, "boom"), OpenAiReply.Error(503, "busy"), OpenAiReply.Error(502, "proxy"), OpenAiReply.Text("ok"));

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendAsync(sut);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([500, 503, 502, 200], statuses);
    }

    [Fact]
    public async Task SendAsync_EmptyKey_SendsNoAuthorizationHeader()
    {
        var sut = await StartAsync(new EndpointResilience(0, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)));
        Server.Reply(OpenAiReply.Text("ok"));
        using var request = Request();
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer unused");

        using var response = await sut.SendAsync(request);

        Assert.Null(Server.ChatRequests[0].Header("Authorization"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<HttpClient> StartAsync(EndpointResilience settings)
    {
        _server = await OpenAiStandIn.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(_time);
        services.AddOpenAICompatibleHttpClient(ClientName, _ => settings, _ => "");
        _services = services.BuildServiceProvider();
        var http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        http.BaseAddress = new Uri(_server.BaseUrl + "/");
        return http;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http)
    {
        var request = Request();
        return http.SendAsync(request);
    }

    private static HttpRequestMessage Request() => new(HttpMethod.Post, "chat/completions")
    {
        Content = new StringContent("""{"model":"test-model","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
    };

    // The pipeline schedules its waits on the fake clock a moment after a response arrives; moving the clock in
    // small steps with real pauses between them lets each wait be scheduled before the time it waits for passes.
    private async Task<TimeSpan> AdvanceUntilAsync(Func<bool> done)
    {
        var advanced = TimeSpan.Zero;
        for (var i = 0; !done(); i++)
        {
            Assert.True(i < 2_000, "the pipeline never got there");
            await Task.Delay(5);
            _time.Advance(Step);
            advanced += Step;
        }

        return advanced;
    }
}
