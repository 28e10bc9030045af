using System.Text.Json;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Testing.OpenAi;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>The single retrieve-then-answer pass (Chat:UseTools Off), non-streaming, against the stand-in.</summary>
public sealed class LlmAnswerWriterTests
{
    private const string Question = "How do HuBERT and w2v-BERT learn speech representations?";

    [Fact]
    public async Task WriteAsync_OnePass_SendsModelSystemPromptAndSourcesBlockExactly()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.Temperature = 0.3);
        harness.Server.Reply(OpenAiReply.Text("HuBERT predicts clustered units [1]."));

        await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert, W2vBert));

        var request = Assert.Single(harness.Server.ChatRequests);
        harness.Server.AssertAllRequestsValid();
        Assert.Equal(LlmHarness.Model, request.Body.GetProperty("model").GetString());
        Assert.Equal(0.3, request.Body.GetProperty("temperature").GetDouble(), 6);
        Assert.Equal(1024, request.Body.GetProperty("max_completion_tokens").GetInt32());
        Assert.False(request.HasTools);
        Assert.False(request.IsStreaming);
        Assert.Equal(2, request.Messages.GetArrayLength());
        Assert.Equal("system", request.MessageRole(0));
        Assert.Equal(harness.Prompts.System(LlmHarness.Today), request.MessageContent(0));
        Assert.Equal("user", request.MessageRole(1));
        var template = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "prompts", "answer.txt"));
        var expected = template.Replace("{{sources}}", LlmHarness.SourcesBlock(HuBert, W2vBert)).Replace("{{question}}", Question).Trim();
        Assert.Equal(expected, request.MessageContent(1));
    }

    [Fact]
    public async Task WriteAsync_ModelWritesLatexOnSeveralLines_AnswerIsCleanedLineByLine()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("Two findings:\n- HuBERT cuts WER by up to~19\\% [1]\n  - with $\\alpha$ fixed [1]"));

        var sut = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Equal("llm", sut.Writer);
        Assert.Equal("Two findings:\n- HuBERT cuts WER by up to 19% [1]\n  - with α fixed [1]", sut.Text);
    }

    [Fact]
    public async Task WriteAsync_ModelCitesTwoOfThree_ListsOnlyTheCitedPapersRenumbered()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("CPC predicts the future in latent space [3]. HuBERT applies the loss to masked regions only [1]."));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert, W2vBert, Cpc));

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal("llm", answer.Writer);
        Assert.Null(answer.Notice);
        Assert.Equal("CPC predicts the future in latent space [1]. HuBERT applies the loss to masked regions only [2].", answer.Text);
        Assert.Equal([Cpc.Id, HuBert.Id], answer.Citations.Select(c => c.PaperId));
        CitationChecks.AssertCitationsConsistent(answer, [HuBert, W2vBert, Cpc]);
        CitationChecks.AssertQuotesVerbatim(answer, [HuBert, W2vBert, Cpc]);
        Assert.Contains("masked regions only", answer.Citations[1].Quote, StringComparison.Ordinal); // the sentence backing the claim
    }

    [Fact]
    public async Task WriteAsync_CitationSevenWithFiveSources_IsRemovedAndCountedInTheNotice()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("HuBERT uses k-means targets [1]. It reaches 99% accuracy [7]."));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert, W2vBert, Cpc, VicMae, VideoCoTraining));

        Assert.Equal("HuBERT uses k-means targets [1]. It reaches 99% accuracy.", answer.Text);
        Assert.Equal([HuBert.Id], answer.Citations.Select(c => c.PaperId));
        Assert.Equal("Removed 1 citation that named no source given to the LLM", answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_AbstractSayingIgnorePreviousInstructions_StaysInsideTheSourcesBlock()
    {
        await using var harness = await LlmHarness.StartAsync(papers: [HuBert, SourceBlocksTests.Injected]);
        harness.Server.Reply(OpenAiReply.Text("The paper studies prompts [2]."));

        await harness.Writer.WriteAsync(LlmHarness.Request("What do prompt papers find?", HuBert, SourceBlocksTests.Injected));

        var user = Assert.Single(harness.Server.ChatRequests).MessageContent(1);
        var open = user.IndexOf("<source n=\"2\"", StringComparison.Ordinal);
        var close = user.IndexOf("</source>", open, StringComparison.Ordinal);
        var injection = user.IndexOf("Ignore previous instructions", StringComparison.Ordinal);
        Assert.InRange(injection, open, close);
        Assert.Equal(2, SourceBlocksTests.CountOf(user, "</source>"));
        Assert.True(user.IndexOf("<sources>", StringComparison.Ordinal) < open && close < user.IndexOf("</sources>", StringComparison.Ordinal));
        Assert.DoesNotContain("<system>", user, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AskAsync_NoRelevantEvidence_AnswersNothingFoundWithoutCallingTheModel(bool streaming)
    {
        await using var harness = await LlmHarness.StartAsync();
        var conversation = new Conversation();

        var answer = streaming
            ? (await harness.Assistant.AskStreamingAsync("lattice QCD", conversation, writer: "llm").SingleAsync()).Answer!
            : await harness.Assistant.AskAsync("lattice QCD", conversation, filter: null, writer: "llm");

        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
        Assert.Equal("llm", answer.Writer);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task WriteAsync_AnswerWithoutAnyValidCitation_IsReplacedByTheExtractiveAnswer()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("Speech models are great [9]."));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert, W2vBert));

        Assert.Equal("extractive", answer.Writer);
        Assert.Equal("LLM answer cited none of the sources; showing the extractive answer", answer.Notice);
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        CitationChecks.AssertEverySentenceCited(answer, [HuBert, W2vBert]);
    }

    [Fact]
    public async Task WriteAsync_EmptyApiKey_SendsNoAuthorizationHeader()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("HuBERT [1]."));

        await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Null(Assert.Single(harness.Server.ChatRequests).Header("Authorization"));
    }

    [Fact]
    public async Task WriteAsync_ApiKey_IsSentAsBearerAndNeverLogged()
    {
        const string key = "sk-test-0123456789abcdef";
        await using var harness = await LlmHarness.StartAsync(o => o.ApiKey = key);
        harness.Server.Reply(OpenAiReply.Text("HuBERT [1]."), OpenAiReply.Error(401, "invalid key"));

        await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));
        var failed = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.All(harness.Server.ChatRequests, r => Assert.Equal("Bearer " + key, r.Header("Authorization")));
        Assert.Equal("LLM failed (HTTP 401); showing the extractive answer", failed.Notice);
        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain(harness.Logs.Lines, m => m.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StandInSchema_SentBodyPassesAndABrokenBodyFails()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Reply(OpenAiReply.Text("HuBERT [1]."));

        await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        var body = Assert.Single(harness.Server.ChatRequests).Body;
        Assert.Equal(JsonValueKind.Array, body.GetProperty("messages").ValueKind);
        Assert.Empty(OpenAiSchema.ValidateChatRequest(body.GetRawText()));
        Assert.NotEmpty(OpenAiSchema.ValidateChatRequest("""{"model":"m","messages":[{"role":"wizard","content":"x"}]}""")); // the check can fail
    }
}
