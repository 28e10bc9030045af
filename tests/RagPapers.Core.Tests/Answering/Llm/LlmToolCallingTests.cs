using System.Text.Json;
using System.Text.Json.Nodes;
using RagPapers.Storage;
using RagPapers.Answering.Llm;
using RagPapers.Testing.OpenAi;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>SK's automatic function calling with the papers plugin, bounded in steps, against the stand-in.</summary>
public sealed class LlmToolCallingTests
{
    private const string Question = "Compare HuBERT with contrastive predictive coding";
    private const string Search = "papers-search_papers";

    [Fact]
    public async Task WriteAsync_ToolsOn_AdvertisesExactlyTheTwoPaperTools()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.UseTools = ChatToolUse.On);
        harness.Server.Reply(OpenAiReply.Text("HuBERT [1]."));

        await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        var request = Assert.Single(harness.Server.ChatRequests);
        harness.Server.AssertAllRequestsValid();
        Assert.Equal("auto", request.Body.GetProperty("tool_choice").GetString());
        var expected = JsonNode.Parse("""
            [ { "type": "function", "function": { "name": "papers-search_papers",
                  "description": "Searches the paper collection. Returns the best matching papers as numbered <source> blocks to cite by number; papers already given keep their numbers.",
                  "parameters": { "type": "object", "required": ["query"], "properties": {
                      "query": { "type": "string", "description": "What to look for, in plain words (methods, tasks, datasets)." },
                      "from": { "type": "string", "description": "Optional: only papers published on or after this date, yyyy-MM-dd." },
                      "to": { "type": "string", "description": "Optional: only papers published on or before this date, yyyy-MM-dd." } } },
                  "strict": false } },
              { "type": "function", "function": { "name": "papers-get_paper",
                  "description": "Returns one paper of the collection (title, date, abstract) as a numbered <source> block.",
                  "parameters": { "type": "object", "required": ["id"], "properties": {
                      "id": { "type": "string", "description": "The paper's id, as in the id attribute of a <source> block (for example 2106.07447)." } } },
                  "strict": false } } ]
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body.GetProperty("tools").GetRawText())), request.Body.GetProperty("tools").GetRawText());
    }

    [Fact]
    public async Task WriteAsync_ModelSearchesAgain_ToolResultIsANewNumberedSourceItCanCite()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.UseTools = ChatToolUse.On);
        harness.Server.Reply(
            OpenAiReply.ToolCalls((Search, """{"query":"contrastive predictive coding"}""")),
            OpenAiReply.Text("HuBERT predicts masked cluster ids [1], while CPC predicts the future in latent space [2]."));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        var requests = harness.Server.ChatRequests;
        Assert.Equal(2, requests.Count);
        harness.Server.AssertAllRequestsValid();
        var second = requests[1];
        Assert.Equal(["system", "user", "assistant", "tool"], second.Messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        var call = second.Messages[2].GetProperty("tool_calls")[0];
        Assert.Equal(Search, call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"query":"contrastive predictive coding"}""", call.GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal(call.GetProperty("id").GetString(), second.Messages[3].GetProperty("tool_call_id").GetString());
        var toolResult = second.MessageContent(3);
        Assert.StartsWith("Papers found for \"contrastive predictive coding\":", toolResult, StringComparison.Ordinal);
        Assert.Contains($"<source n=\"2\" id=\"{Cpc.Id}\"", toolResult, StringComparison.Ordinal);
        Assert.Equal([HuBert.Id, Cpc.Id], answer.Citations.Select(c => c.PaperId));
        CitationChecks.AssertQuotesVerbatim(answer, All);
    }

    [Fact]
    public async Task WriteStreamingAsync_ToolCallStreamedInFragments_IsAssembledAndRun()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.UseTools = ChatToolUse.On);
        harness.Server.Reply(
            OpenAiReply.ToolCalls(("papers-get_paper", """{"id":"2303.12001"}""")),
            OpenAiReply.Text("ViC-MAE pools MAE features under a contrastive objective [2]."));

        var (deltas, answer) = await LlmStreamingTests.CollectAsync(harness.Writer.WriteStreamingAsync(LlmHarness.Request(Question, HuBert)));

        var second = harness.Server.ChatRequests[1];
        Assert.True(second.IsStreaming);
        Assert.Equal("""{"id":"2303.12001"}""", second.Messages[2].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.StartsWith($"<source n=\"2\" id=\"{VicMae.Id}\"", second.MessageContent(3), StringComparison.Ordinal);
        Assert.Equal("ViC-MAE pools MAE features under a contrastive objective [1].", string.Concat(deltas));
        Assert.Equal(VicMae.Id, Assert.Single(answer.Citations).PaperId);
    }

    [Fact]
    public async Task WriteAsync_TwoAnswersInARow_EachGetsItsOwnSourcesAndStepBudget()
    {
        await using var harness = await LlmHarness.StartAsync(o => { o.UseTools = ChatToolUse.On; o.MaxToolSteps = 1; });
        harness.Server.Reply(
            OpenAiReply.ToolCalls((Search, """{"query":"contrastive predictive coding"}""")),
            OpenAiReply.Text("CPC [2]."),
            OpenAiReply.ToolCalls((Search, """{"query":"video representation"}""")),
            OpenAiReply.Text("Video [2]."));

        var first = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));
        var second = await harness.Writer.WriteAsync(LlmHarness.Request(Question, W2vBert));

        Assert.Equal(Cpc.Id, Assert.Single(first.Citations).PaperId);
        var fourth = harness.Server.ChatRequests[3];
        Assert.StartsWith("Papers found for \"video representation\"", fourth.MessageContent(-1), StringComparison.Ordinal); // ran: a fresh budget
        Assert.Contains("<source n=\"2\"", fourth.MessageContent(-1), StringComparison.Ordinal); // numbered after this answer's one source
        Assert.Equal("llm", second.Writer);
    }

    [Fact]
    public async Task WriteAsync_ModelKeepsCallingTools_StepBudgetThenFallback()
    {
        await using var harness = await LlmHarness.StartAsync(o => { o.UseTools = ChatToolUse.On; o.MaxToolSteps = 1; });
        var again = OpenAiReply.ToolCalls((Search, """{"query":"video"}"""));
        harness.Server.Reply(again, again, again, again);

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        // step 0 runs the search, step 1 is told the budget is spent, step 2 ends the loop: three requests
        var requests = harness.Server.ChatRequests;
        Assert.Equal(3, requests.Count);
        Assert.StartsWith("Papers found for \"video\"", requests[1].MessageContent(-1), StringComparison.Ordinal);
        Assert.Equal(ToolStepLimit.BudgetSpent, requests[2].MessageContent(-1));
        Assert.Equal("extractive", answer.Writer);
        Assert.Equal("LLM kept searching without answering; showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_ServerRejectsTools_AutoAnswersWithoutToolsFromThenOn()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.UseTools = ChatToolUse.Auto);
        harness.Server.Reply(
            OpenAiReply.Error(400, "registry.ollama.ai/library/gemma:2b does not support tools"),
            OpenAiReply.Text("HuBERT masks frames [1]."),
            OpenAiReply.Text("HuBERT again [1]."));

        var first = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));
        var second = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Equal([true, false, false], harness.Server.ChatRequests.Select(r => r.HasTools));
        Assert.Equal(("llm", "llm"), (first.Writer, second.Writer));
        Assert.False(harness.Writer.ToolsEnabled);
    }

    [Fact]
    public async Task WriteAsync_ServerRejectsToolsWithToolsOn_FallsBackSayingSo()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.UseTools = ChatToolUse.On);
        harness.Server.Reply(OpenAiReply.Error(400, "\"auto\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set"));

        var answer = await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Single(harness.Server.ChatRequests);
        Assert.Equal("LLM rejected the tool definitions (set Chat:UseTools to Off or Auto); showing the extractive answer", answer.Notice);
    }

    [Fact]
    public async Task WriteAsync_SearchWithBadDate_TellsTheModelTheFormat()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.UseTools = ChatToolUse.On);
        harness.Server.Reply(
            OpenAiReply.ToolCalls((Search, """{"query":"video","from":"last spring"}""")),
            OpenAiReply.Text("HuBERT [1]."));

        await harness.Writer.WriteAsync(LlmHarness.Request(Question, HuBert));

        Assert.Equal("Dates must be written yyyy-MM-dd (for example 2023-01-31).", harness.Server.ChatRequests[1].MessageContent(-1));
        Assert.DoesNotContain(harness.Retriever.Requests, r => r.Query == "video");
    }

    [Fact]
    public async Task WriteAsync_SearchWithDates_NarrowsTheCallersFilter()
    {
        await using var harness = await LlmHarness.StartAsync(o => o.UseTools = ChatToolUse.On);
        harness.Server.Reply(
            OpenAiReply.ToolCalls((Search, """{"query":"video representation","from":"2019-01-01","to":"2030-01-01"}""")),
            OpenAiReply.Text("HuBERT [1]."));
        var request = LlmHarness.Request(Question, HuBert) with { Filter = new SearchFilter(new DateOnly(2020, 6, 1), new DateOnly(2022, 1, 1)) };

        await harness.Writer.WriteAsync(request);

        var search = Assert.Single(harness.Retriever.Requests, r => r.Query == "video representation");
        Assert.Equal(new SearchFilter(new DateOnly(2020, 6, 1), new DateOnly(2022, 1, 1)), search.Filter);
        Assert.Equal(JsonValueKind.String, harness.Server.ChatRequests[1].Messages[3].GetProperty("content").ValueKind);
    }
}
