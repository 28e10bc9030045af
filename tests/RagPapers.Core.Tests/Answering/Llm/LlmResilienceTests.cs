using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Tests.OpenAi;
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
    public async Task WriteAsync_NothingListening_SaysUnreachableAndSkipsTheNextCall()
    {
        var closedPort = ClosedPort();
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetries = 0, endpoint: $"http://127.0.0.1:{closedPort}/v1");

        var first = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));
        var rewrite = await harness.Writer.RewriteAsync("and the second one?", new Conversation());

        Assert.Equal("LLM unreachable; showing the extractive answer", first.Notice);
        Assert.Equal("extractive", first.Writer);
        Assert.Null(rewrite); // the endpoint was just found down: no second wait
        Assert.Contains(harness.Logs.Messages, m => m.Contains("LLM answer failed (Unreachable", StringComparison.Ordinal));
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
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert), cts.Token));

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

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // released on dispose: nothing listens there afterwards
    }
}
