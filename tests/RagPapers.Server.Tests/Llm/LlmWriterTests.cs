using System.Net;
using RagPapers.Server.Tests.Infrastructure;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Server.Tests.Llm;

public sealed class LlmWriterTests(LlmServer fixture) : IClassFixture<LlmServer>
{
    private const string ModelAnswer = "Message passing over atoms and bonds predicts molecule properties better than fingerprints [1].";
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Stream_LlmWriter_ForwardsTheModelsDeltasThenCitationsAndDone()
    {
        fixture.Model.Reply(OpenAiReply.Text(ModelAnswer));

        var sut = await ReadEventsAsync("""{"question": "How do graph neural networks predict molecule properties?"}""");

        var types = sut.Select(e => e.Type).ToArray();
        var deltas = sut.TakeWhile(e => e.Type == "delta").Select(e => e.Json.GetProperty("text").GetString()).ToArray();
        Assert.True(deltas.Length >= 3, string.Join(",", types)); // the stand-in streams a few characters per chunk
        Assert.Equal(ModelAnswer, string.Concat(deltas));
        Assert.Equal(["citations", "done"], types[deltas.Length..]);
        var citation = Assert.Single(sut[deltas.Length].Json.GetProperty("citations").EnumerateArray());
        Assert.Equal("Graph Neural Networks for Molecule Property Prediction", citation.GetProperty("title").GetString());
        Assert.Equal("llm", sut[^1].Json.GetProperty("writer").GetString());
        fixture.Model.AssertAllRequestsValid();
    }

    [Fact]
    public async Task StreamAndAsk_ModelWritesLatex_EveryTextTheClientGetsIsCleaned()
    {
        const string Latex = @"Message passing beats fingerprints by~5\% on $\alpha$-tuned benchmarks [1].";
        const string Cleaned = "Message passing beats fingerprints by 5% on α-tuned benchmarks [1].";
        fixture.Model.Reply(OpenAiReply.Text(Latex), OpenAiReply.Text(Latex));

        var stream = await ReadEventsAsync("""{"question": "How do graph neural networks predict molecule properties?"}""");
        var ask = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "How do graph neural networks predict molecule properties?"}""");

        Assert.Equal(Cleaned, string.Concat(stream.Where(e => e.Type == "delta").Select(e => e.Json.GetProperty("text").GetString())));
        Assert.DoesNotContain(stream, e => e.Type == "answer"); // the deltas already are the final text
        Assert.Equal("llm", ask.GetProperty("writer").GetString());
        Assert.Equal(Cleaned, ask.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_ExtractiveNamedWithAnLlmConfigured_NeverCallsTheModel()
    {
        var before = fixture.Model.ChatRequests.Count;

        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "sparse attention for long documents", "writer": "extractive"}""");

        Assert.Equal("extractive", sut.GetProperty("writer").GetString());
        Assert.Equal(before, fixture.Model.ChatRequests.Count);
    }

    [Fact]
    public async Task Ask_UnknownWriter_ListsBothWriters()
    {
        using var sut = await _client.PostAsync(Http.Path("/api/ask"), Http.Json("""{"question": "x", "writer": "gpt"}"""));

        await Problem.AssertAsync(sut, HttpStatusCode.BadRequest, "available: extractive, llm");
    }

    [Fact]
    public async Task Ready_LlmEndpointAnswers_IsHealthy()
    {
        var sut = await Http.GetJsonAsync(_client, "/health/ready");

        Assert.Equal("Healthy", sut.GetProperty("checks").GetProperty("llm").GetProperty("status").GetString());
    }

    private async Task<List<SseEvent>> ReadEventsAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Path("/api/ask/stream")) { Content = Http.Json(body) };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new List<SseEvent>();
        await foreach (var item in SseReader.ReadAsync(await response.Content.ReadAsStreamAsync()))
        {
            events.Add(item);
        }

        return events;
    }
}
