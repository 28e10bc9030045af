using RagPapers.Testing.OpenAi;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>A list question's evidence all reaches the model, whatever Chat:MaxSources says.</summary>
public sealed class LlmListQuestionTests
{
    private const string Question = "Which papers learn speech representations?";

    [Fact]
    public async Task WriteAsync_ListQuestionWithMoreEvidenceThanMaxSources_GivesTheModelEveryPaper()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.MaxSources = 2);
        harness.Server.Reply(OpenAiReply.Text("HuBERT [1], w2v-BERT [2], CPC [3] and ViC-MAE [4] learn representations."));
        var request = LlmHarness.Request(Question, HuBert, W2vBert, Cpc, VicMae) with { ListsPapers = true };

        var answer = await harness.Writer.WriteAsync(request);

        Assert.Contains(LlmHarness.SourcesBlock(HuBert, W2vBert, Cpc, VicMae), Assert.Single(harness.Server.ChatRequests).MessageContent(1), StringComparison.Ordinal);
        Assert.Equal([HuBert.Id, W2vBert.Id, Cpc.Id, VicMae.Id], answer.Citations.Select(c => c.PaperId));
    }

    [Fact]
    public async Task WriteAsync_OtherQuestion_StillGivesAtMostMaxSources()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.MaxSources = 2);
        harness.Server.Reply(OpenAiReply.Text("HuBERT [1] and w2v-BERT [2] learn representations."));

        await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert, W2vBert, Cpc, VicMae));

        var prompt = Assert.Single(harness.Server.ChatRequests).MessageContent(1);
        Assert.Contains(LlmHarness.SourcesBlock(HuBert, W2vBert), prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(Cpc.Id, prompt, StringComparison.Ordinal);
    }
}
