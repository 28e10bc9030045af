using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.OpenAICompatible;
using RagPapers.Testing.OpenAi;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>Retries, Retry-After, timeouts, cancellation and the extractive fallback, on real HTTP.</summary>
public sealed class LlmResilienceTests
{
    private const string Question = "How does HuBERT learn speech representations?";
    private const string Ok = "HuBERT predicts masked cluster ids [1].";

    [Fact]
    public async Task WriteAsync_429WithRetryAfter_WaitsThatLongThenRetries()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Error(429, "rate limited", retryAfter: "1"), OpenAiReply.Text(Ok));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        var requests = harness.Server.ChatRequests;
        Assert.Equal(2, requests.Count);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].ReceivedTimestamp, requests[1].ReceivedTimestamp) >= TimeSpan.FromSeconds(0.95));
        Assert.Equal(requests[0].Body.GetRawText(), requests[1].Body.GetRawText()); // the same request again
        Assert.Equal("llm", answer.Writer);
        Assert.Null(answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_RetryAfterLongerThanTheCap_FallsBackAtOnce()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetryAfterSeconds = 5);
        harness.Server.Reply(OpenAiReply.Error(429, "rate limited", retryAfter: "120"), OpenAiReply.Text(Ok));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Single(harness.Server.ChatRequests);
        Assert.Equal("LLM failed (HTTP 429); showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_500ThenSuccess_RetriesOnce()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetries = 1);
        harness.Server.Reply(OpenAiReply.Error(500, "boom", retryAfter: "0"), OpenAiReply.Text(Ok));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Equal(2, harness.Server.ChatRequests.Count);
        Assert.Equal("llm", answer.Writer);
    }

    [Fact]
    public async Task WriteAsync_500Always_FallsBackAfterMaxRetriesWithNotice()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetries = 2);
        harness.Server.Reply(OpenAiReply.Error(500, "boom", "0"), OpenAiReply.Error(502, "boom", "0"), OpenAiReply.Error(503, "boom", "0"), OpenAiReply.Text(Ok));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Equal(3, harness.Server.ChatRequests.Count);
        Assert.Equal(1, harness.Server.PendingChatReplies);
        Assert.Equal("extractive", answer.Writer);
        Assert.Equal("LLM failed (HTTP 503); showing the extractive answer", answer.Notice);
        CitationChecks.AssertEverySentenceCited(answer, [HuBert]);
    }

    [Fact]
    public async Task WriteAsync_400_IsNotRetried()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetries = 3);
        harness.Server.Reply(OpenAiReply.Error(400, "max_completion_tokens is too large"), OpenAiReply.Text(Ok));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Single(harness.Server.ChatRequests);
        Assert.Equal("LLM failed (HTTP 400); showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_MalformedJson_FallsBackWithNotice()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Malformed());

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Equal("extractive", answer.Writer);
        Assert.Equal("LLM sent a response that could not be read; showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_StalledResponse_FallsBackWhenTheTimeoutExpires()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.TimeoutSeconds = 1);
        harness.Server.Reply(OpenAiReply.StallBeforeHeaders());
        var started = Stopwatch.GetTimestamp();

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Equal("LLM did not answer in time; showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_NothingListening_SaysUnreachableAndSkipsTheNextCalls()
    {
        var closedPort = ClosedPort();
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetries = 1, endpoint: $"http://127.0.0.1:{closedPort}/v1");

        var first = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));
        var started = Stopwatch.GetTimestamp();
        var rewrite = await harness.Writer.RewriteAsync("and the second one?", new Conversation());
        var second = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Equal("LLM unreachable; showing the extractive answer", first.Notice);
        Assert.Equal("extractive", first.Writer);
        Assert.Contains(harness.Logs.Lines, m => m.Contains("LLM answer failed (Unreachable", StringComparison.Ordinal));

        // Two refused attempts opened the breaker: the next calls fail at once, without the 1 s back-off of a retry.
        Assert.Contains(harness.Logs.Lines, m => m.Contains("The endpoint is down", StringComparison.Ordinal));
        Assert.Null(rewrite);
        Assert.Equal("LLM unreachable; showing the extractive answer", second.Notice);
        Assert.Equal("extractive", second.Writer);
        Assert.Contains(harness.Logs.Lines, m => m.Contains("skipped: the endpoint was found down moments ago", StringComparison.Ordinal));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(0.5), $"took {Stopwatch.GetElapsedTime(started)}");
    }

    [Fact]
    public async Task WriteAsync_EndpointDown_IsAskedAgainAfterTheBreak()
    {
        var time = new FakeTimeProvider(FixedClock.Today);
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetries = 1, endpoint: $"http://127.0.0.1:{ClosedPort()}/v1", time: time);

        var found = await AdvanceUntilDoneAsync(time, harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert)));
        var whileDown = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert)); // no back-off to wait out
        var opened = harness.Logs.Lines.Count(m => m.Contains("The endpoint is down", StringComparison.Ordinal));
        var skipped = harness.Logs.Lines.Count(m => m.Contains("skipped: the endpoint was found down moments ago", StringComparison.Ordinal));
        time.Advance(EndpointResilience.BreakDuration);
        var afterTheBreak = await AdvanceUntilDoneAsync(time, harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert)));

        Assert.Equal("LLM unreachable; showing the extractive answer", found.Notice);
        Assert.Equal("LLM unreachable; showing the extractive answer", whileDown.Notice);
        Assert.Equal((1, 1), (opened, skipped));
        Assert.Equal("LLM unreachable; showing the extractive answer", afterTheBreak.Notice);

        // After the break the endpoint was tried again: still refused, so the breaker opened once more.
        Assert.Equal(2, harness.Logs.Lines.Count(m => m.Contains("The endpoint is down", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeTheCall_ThrowsWithoutARequest()
    {
        await using var harness = await LlmHarness.StartAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert), cts.Token));

        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileTheServerStalls_ThrowsInsteadOfFallingBack()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.StallBeforeHeaders());
        using var cts = new CancellationTokenSource();

        // Cancel only once the stand-in holds the request: a timer could fire before a slow machine sent it.
        var write = harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert), cts.Token);
        await UntilAsync(() => harness.Server.ChatRequests.Count == 1 || write.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        Assert.Single(harness.Server.ChatRequests);
    }

    [Fact]
    public async Task AskAsync_CancelledAfterTheAnswer_IsCancelledAndNotRecorded()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text(Ok));
        using var cts = new CancellationTokenSource();
        var conversation = new Conversation();
        var writer = new FakeAnswerWriter(async (request, ct) =>
        {
            var answer = await harness.Writer.WriteAsync(request, ct);
            await cts.CancelAsync();
            return answer;
        }, "llm");
        var sut = PaperAssistantTests.CreateSut(harness.Retriever, writer: writer);

        var result = await sut.AskAsync("masked prediction for speech representation learning", conversation, cancellationToken: cts.Token);

        Assert.Equal(AnswerStatus.Cancelled, result.Status);
        Assert.Empty(conversation.Turns);
        Assert.Single(harness.Server.ChatRequests);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (!condition() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }
    }

    // The back-off between refused attempts waits on the fake clock: move it in small steps until the answer is in.
    private static async Task<Answer> AdvanceUntilDoneAsync(FakeTimeProvider time, Task<Answer> answer)
    {
        for (var i = 0; !answer.IsCompleted; i++)
        {
            Assert.True(i < 1_000, "the answer never came");
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await answer;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // released on dispose: nothing listens there afterwards
    }
}
