using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

[Collection(LoadedServerCollection.Name)]
public sealed class AskStreamTests(LoadedServer fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Stream_QuestionOnTopic_SendsDeltasThenCitationsThenDone()
    {
        var sut = await ReadEventsAsync("""{"question": "How does Barlow Twins avoid collapse?"}""");

        var types = sut.Select(e => e.Type).ToArray();
        var deltas = types.TakeWhile(t => t == "delta").Count();
        Assert.True(deltas >= 2, string.Join(",", types));
        Assert.Equal(["citations", "done"], types[deltas..]);

        var text = string.Concat(sut.Take(deltas).Select(e => e.Json.GetProperty("text").GetString()));
        var citations = sut[deltas].Json.GetProperty("citations").EnumerateArray().ToArray();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Contains($"[{c.GetProperty("n").GetInt32()}]", text, StringComparison.Ordinal));
        var done = sut[^1].Json;
        Assert.Equal("answered", done.GetProperty("status").GetString());
        Assert.Equal("extractive", done.GetProperty("writer").GetString());
        Assert.Matches("^[0-9a-f]{32}$", done.GetProperty("conversationId").GetString());
        Assert.True(done.GetProperty("timings").GetProperty("totalMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Stream_SameQuestionAsAsk_DeltasConcatenateToTheAskAnswer()
    {
        const string body = """{"question": "knowledge distillation from a teacher network"}""";
        var answer = (await Http.PostJsonAsync(_client, "/api/ask", body)).GetProperty("answer").GetString();

        var sut = await ReadEventsAsync(body);

        Assert.Equal(answer, string.Concat(sut.Where(e => e.Type == "delta").Select(e => e.Json.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task Stream_OffTopicQuestion_DoneSaysNoEvidenceAndCitationsAreEmpty()
    {
        var sut = await ReadEventsAsync("""{"question": "What is the best recipe for sourdough bread?"}""");

        Assert.Empty(sut.Single(e => e.Type == "citations").Json.GetProperty("citations").EnumerateArray());
        Assert.Equal("no_evidence", sut.Single(e => e.Type == "done").Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stream_FollowUp_ContinuesTheConversationOfTheDoneEvent()
    {
        var first = await ReadEventsAsync("""{"question": "Which papers use contrastive learning for video?"}""");
        var id = first.Single(e => e.Type == "done").Json.GetProperty("conversationId").GetString();

        var sut = await ReadEventsAsync($$"""{"question": "and the second one?", "conversationId": "{{id}}"}""");

        Assert.Equal(id, sut.Single(e => e.Type == "done").Json.GetProperty("conversationId").GetString());
        Assert.Single(sut.Single(e => e.Type == "citations").Json.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Stream_InvalidRequest_IsAProblemNotAStream()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask/stream"), Http.Json("""{"question": ""}"""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "question");
    }

    [Fact]
    public async Task Stream_DateFilterIncludingUndated_CitesUndatedPapers()
    {
        var sut = await ReadEventsAsync("""{"question": "self-supervised speech representation learning", "filters": {"from": "2023-01-01", "includeUndated": true}}""");

        var citations = sut.Single(e => e.Type == "citations").Json.GetProperty("citations").EnumerateArray().ToArray();
        Assert.Contains(citations, c => c.GetProperty("date").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Stream_IncludeUndatedNotABoolean_IsAProblemNamingTheField()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask/stream"), Http.Json("""{"question": "x", "filters": {"includeUndated": 1}}"""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "$.filters.includeUndated");
    }

    [Fact]
    public async Task Stream_UnknownConversation_Is404BeforeStreaming()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask/stream"), Http.Json("""{"question": "BERT", "conversationId": "ffffffffffffffffffffffffffffffff"}"""));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<List<SseEvent>> ReadEventsAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Path("/api/ask/stream")) { Content = Http.Json(body) };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseEvent>();
        await foreach (var item in SseReader.ReadAsync(await response.Content.ReadAsStreamAsync()))
        {
            events.Add(item);
        }

        return events;
    }
}
