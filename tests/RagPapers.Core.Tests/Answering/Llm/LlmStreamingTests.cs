using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Testing.OpenAi;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>stream: true — SSE chunks become checked deltas, then the final answer.</summary>
public sealed class LlmStreamingTests
{
    private const string Question = "How is masked prediction used for speech?";

    [Fact]
    public async Task WriteStreamingAsync_SseChunks_DeltasConcatenateToTheFinalText()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("HuBERT masks frames and predicts cluster ids [2]. W2v-BERT combines contrastive learning and MLM [1][9]."));

        var (deltas, answer) = await CollectAsync(harness.Writer.WriteStreamingAsync(LlmHarness.Request(Question, W2vBert, HuBert)));

        var request = Assert.Single(harness.Server.ChatRequests);
        harness.Server.AssertAllRequestsValid();
        Assert.True(request.IsStreaming);
        Assert.True(request.Body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.True(deltas.Count > 5, $"expected many deltas, got {deltas.Count}");
        Assert.Equal("HuBERT masks frames and predicts cluster ids [1]. W2v-BERT combines contrastive learning and MLM [2].", string.Concat(deltas));
        Assert.Equal(string.Concat(deltas), answer.Text);
        Assert.Equal([HuBert.Id, W2vBert.Id], answer.Citations.Select(c => c.PaperId));
        Assert.Equal("Removed 1 citation that named no source given to the LLM", answer.Notice);
    }

    [Fact]
    public async Task WriteStreamingAsync_ModelWritesLatex_DeltasAndAnswerAreCleanedLikeEveryOtherText()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text(@"W2v-BERT cuts WER by~5\% to~10\% [1], tuned with $\alpha$ and {\it no} labels."));

        var (deltas, answer) = await CollectAsync(harness.Writer.WriteStreamingAsync(LlmHarness.Request(Question, W2vBert)));

        const string Cleaned = "W2v-BERT cuts WER by 5% to 10% [1], tuned with α and no labels.";
        Assert.True(deltas.Count > 3, $"expected several deltas, got {deltas.Count}");
        Assert.Equal(Cleaned, string.Concat(deltas));
        Assert.Equal(Cleaned, answer.Text);
        var prompt = Assert.Single(harness.Server.ChatRequests).MessageContent(1);
        Assert.Contains("our model shows 5% to 10% relative WER reduction", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\%", prompt, StringComparison.Ordinal);
        Assert.Contains(@"shows~5\% to~10\%", Assert.Single(answer.Citations).Quote, StringComparison.Ordinal); // the quote stays verbatim
    }

    [Fact]
    public async Task WriteStreamingAsync_StreamStallsMidway_FallsBackAfterTheTimeout()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.TimeoutSeconds = 2);
        harness.Server.Reply(OpenAiReply.StallMidStream("HuBERT is a speech model [1] and"));

        var (deltas, answer) = await CollectAsync(harness.Writer.WriteStreamingAsync(LlmHarness.Request(Question, HuBert)));

        Assert.Equal("HuBERT", string.Concat(deltas)); // shown before the stall; the printer shows the fallback after it
        Assert.Equal("extractive", answer.Writer);
        Assert.Equal("LLM did not answer in time; showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task WriteStreamingAsync_DataLineThatIsNotJson_FallsBackWithNotice()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Malformed());

        var (_, answer) = await CollectAsync(harness.Writer.WriteStreamingAsync(LlmHarness.Request(Question, HuBert)));

        Assert.Equal("extractive", answer.Writer);
        Assert.Equal("LLM sent a response that could not be read; showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task AskStreamingAsync_LlmWriter_YieldsDeltasThenRecordsTheCompletedTurn()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("HuBERT applies the prediction loss over masked regions [1]."));
        var conversation = new Conversation();

        var (deltas, answer) = await CollectAsync(harness.Assistant.AskStreamingAsync("masked prediction for speech representation learning", conversation, writer: "llm"));

        Assert.NotEmpty(deltas);
        Assert.Equal("llm", answer.Writer);
        Assert.Same(answer, Assert.Single(conversation.Turns).Answer);
    }

    [Fact]
    public async Task AskStreamingAsync_ExtractiveWriter_YieldsOnlyTheCompletedAnswer()
    {
        await using var harness = await LlmHarness.StartAsync();

        var (deltas, answer) = await CollectAsync(harness.Assistant.AskStreamingAsync("masked prediction for speech representation learning", new Conversation(), writer: "extractive"));

        Assert.Empty(deltas);
        Assert.Equal("extractive", answer.Writer);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task AskStreamingAsync_CancelledWhileTheModelStalls_CompletesAsCancelledWithoutATurn()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.StallMidStream("HuBERT"));
        using var cts = new CancellationTokenSource();
        var conversation = new Conversation();

        var updates = new List<AnswerUpdate>();
        await foreach (var update in harness.Assistant.AskStreamingAsync("masked prediction for speech representation learning", conversation, writer: "llm", cancellationToken: cts.Token))
        {
            updates.Add(update);
            await cts.CancelAsync(); // after the first delta: the model is now stalled mid-stream
        }

        var last = updates[^1];
        Assert.Equal(AnswerUpdateKind.Completed, last.Kind);
        Assert.Equal(AnswerStatus.Cancelled, last.Answer!.Status);
        Assert.Empty(conversation.Turns);
    }

    internal static async Task<(List<string> Deltas, Answer Answer)> CollectAsync(IAsyncEnumerable<AnswerUpdate> updates)
    {
        var deltas = new List<string>();
        Answer? answer = null;
        await foreach (var update in updates)
        {
            Assert.Null(answer); // nothing after the completed update
            if (update.Kind == AnswerUpdateKind.Delta)
            {
                deltas.Add(update.Text);
            }
            else
            {
                answer = update.Answer;
            }
        }

        return (deltas, answer ?? throw new Xunit.Sdk.XunitException("no completed update"));
    }
}
