using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Llm;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>Follow-ups rewritten by the model with prompts/followup.txt, and the rule-based fallback.</summary>
public sealed class LlmFollowUpTests
{
    private const string First = "How is masked prediction used for self-supervised speech representation learning?";

    [Fact]
    public async Task AskAsync_FollowUp_ModelRewritesItAndRetrievalUsesTheRewrite()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(
            OpenAiReply.Text("HuBERT applies the prediction loss over masked regions only [1]."),
            OpenAiReply.Text("Standalone question: \"Does HuBERT also work for video representation learning?\""),
            OpenAiReply.Text("ViC-MAE learns from images and video [1]."));
        var conversation = new Conversation();
        await harness.Assistant.AskAsync(First, conversation);

        var answer = await harness.Assistant.AskAsync("how does that approach do on video benchmarks?", conversation);

        var rewrite = harness.Server.ChatRequests[1];
        Assert.Equal(1, rewrite.Messages.GetArrayLength());
        Assert.Equal(0, rewrite.Body.GetProperty("temperature").GetDouble());
        var history = $"User: {First}\nAssistant: {conversation.Turns[0].Answer.Text}";
        Assert.Equal(harness.Prompts.FollowUp(history, "how does that approach do on video benchmarks?", LlmHarness.Today), rewrite.MessageContent(0));
        Assert.Equal("Does HuBERT also work for video representation learning?", harness.Retriever.Requests[^1].Query);
        Assert.Equal("Does HuBERT also work for video representation learning?", conversation.Turns[1].StandaloneQuestion);
        Assert.Equal("llm", answer.Writer);
    }

    [Fact]
    public async Task AskAsync_RewriteFails_UsesTheRuleBasedResolution()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.MaxRetries = 0);
        harness.Server.Reply(
            OpenAiReply.Text("HuBERT applies the prediction loss over masked regions only [1]."),
            OpenAiReply.Error(400, "bad request"),
            OpenAiReply.Text("Video models exist [1]."));
        var conversation = new Conversation();
        await harness.Assistant.AskAsync(First, conversation);

        await harness.Assistant.AskAsync("and for video?", conversation);

        var expected = new FollowUpResolver().Resolve("and for video?", new Conversation()).Standalone;
        Assert.NotEqual(expected, conversation.Turns[1].StandaloneQuestion); // elliptic: the rules add the previous question's words
        Assert.Contains("video", conversation.Turns[1].StandaloneQuestion, StringComparison.Ordinal);
        Assert.Contains("speech", conversation.Turns[1].StandaloneQuestion, StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Lines, m => m.Contains("Follow-up rewrite failed (HttpError, status 400)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskAsync_NamedSource_IsResolvedByTheRulesWithoutAskingTheModel()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(
            OpenAiReply.Text("HuBERT masks [1]; w2v-BERT combines contrastive learning and MLM [2]."),
            OpenAiReply.Text("W2v-BERT is trained end to end [1]."));
        var conversation = new Conversation();
        var first = await harness.Assistant.AskAsync(First, conversation);

        await harness.Assistant.AskAsync("and the second one?", conversation);

        Assert.Equal(2, harness.Server.ChatRequests.Count); // two answers, no rewrite
        Assert.Equal([first.Citations[1].PaperId], harness.Retriever.Requests[^1].RestrictTo);
    }

    [Theory]
    [InlineData("What is HuBERT?", "What is HuBERT?")]
    [InlineData("  \"What is HuBERT?\"  \nBecause the user asked.", "What is HuBERT?")]
    [InlineData("Rewritten question: What is HuBERT?", "What is HuBERT?")]
    [InlineData("", null)]
    public void Clean_ModelReply_KeepsTheQuestionOnly(string reply, string? expected) =>
        Assert.Equal(expected, LlmFollowUpRewriter.Clean(reply));
}
