using System.Net;
using System.Text.Json;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

[Collection(LoadedServerCollection.Name)]
public sealed class AskEndpointTests(LoadedServer fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Ask_QuestionOnTopic_ReturnsAnswerContractWithConversationAndTimings()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "How does Barlow Twins avoid collapse?"}""");

        Assert.Equal("answered", sut.GetProperty("status").GetString());
        Assert.Equal("extractive", sut.GetProperty("writer").GetString());
        var citations = sut.GetProperty("citations").EnumerateArray().ToArray();
        Assert.NotEmpty(citations);
        Assert.Contains("Barlow Twins", citations[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        var answer = sut.GetProperty("answer").GetString()!;
        foreach (var citation in citations)
        {
            Assert.Contains($"[{citation.GetProperty("n").GetInt32()}]", answer, StringComparison.Ordinal);
        }

        Assert.Matches("^[0-9a-f]{32}$", sut.GetProperty("conversationId").GetString());
        var timings = sut.GetProperty("timings");
        Assert.True(timings.GetProperty("retrievalMs").GetDouble() > 0);
        Assert.True(timings.GetProperty("totalMs").GetDouble() >= timings.GetProperty("retrievalMs").GetDouble());
    }

    [Fact]
    public async Task Ask_FollowUpInSameConversation_IsResolvedAgainstThePreviousAnswer()
    {
        var first = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "Which papers use contrastive learning for video?"}""");
        var id = first.GetProperty("conversationId").GetString();
        var secondTitle = first.GetProperty("citations")[1].GetProperty("paperId").GetString();

        var sut = await Http.PostJsonAsync(_client, "/api/ask", $$"""{"question": "and the second one?", "conversationId": "{{id}}"}""");

        Assert.Equal(id, sut.GetProperty("conversationId").GetString());
        Assert.Equal("answered", sut.GetProperty("status").GetString());
        Assert.Equal(secondTitle, sut.GetProperty("citations")[0].GetProperty("paperId").GetString());
    }

    [Fact]
    public async Task Ask_OffTopicQuestion_SaysNothingWasFound()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "What is the best recipe for sourdough bread?"}""");

        Assert.Equal("no_evidence", sut.GetProperty("status").GetString());
        Assert.Empty(sut.GetProperty("citations").EnumerateArray());
        Assert.StartsWith("I found nothing in the collection", sut.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_DateFilter_CitesOnlyPapersInRange()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask",
            """{"question": "self-supervised learning", "filters": {"from": "2023-01-01", "to": "2023-12-31"}}""");

        var dates = sut.GetProperty("citations").EnumerateArray().Select(c => DateOnly.Parse(c.GetProperty("date").GetString()!)).ToArray();
        Assert.NotEmpty(dates);
        Assert.All(dates, date => Assert.InRange(date, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)));
    }

    [Fact]
    public async Task Ask_DateFilterIncludingUndated_MayCiteUndatedPapersButNoOlderOnes()
    {
        const string Question = "self-supervised speech representation learning";
        var dated = await Http.PostJsonAsync(_client, "/api/ask", $$$"""{"question": "{{{Question}}}", "filters": {"from": "2023-01-01"}}""");
        var sut = await Http.PostJsonAsync(_client, "/api/ask", $$$"""{"question": "{{{Question}}}", "filters": {"from": "2023-01-01", "includeUndated": true}}""");

        Assert.All(dated.GetProperty("citations").EnumerateArray(), c => Assert.Equal(JsonValueKind.String, c.GetProperty("date").ValueKind));
        var dates = sut.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("date")).ToArray();
        Assert.Contains(dates, d => d.ValueKind == JsonValueKind.Null);
        Assert.All(dates.Where(d => d.ValueKind == JsonValueKind.String), d => Assert.True(DateOnly.Parse(d.GetString()!) >= new DateOnly(2023, 1, 1)));
    }

    [Fact]
    public async Task Ask_UnknownWriter_Is400ListingTheAvailableWriters()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json("""{"question": "BERT", "writer": "gpt-9"}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "available: extractive");
        Assert.True(problem.GetProperty("errors").TryGetProperty("writer", out _));
    }

    [Fact]
    public async Task Ask_ExtractiveWriterByName_IsAccepted()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "speaker verification", "writer": "extractive"}""");

        Assert.Equal("extractive", sut.GetProperty("writer").GetString());
    }

    [Theory]
    [InlineData("""{"question": ""}""", "question")]
    [InlineData("""{"question": "   "}""", "question")]
    [InlineData("""{}""", "question")]
    [InlineData("""{"question": "x", "conversationId": "not-an-id"}""", "conversationId")]
    [InlineData("""{"question": "x", "filters": {"from": "2024-05-01", "to": "2024-01-01"}}""", "filters.from")]
    public async Task Ask_InvalidField_Is400NamingTheField(string body, string field)
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json(body));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Ask_QuestionOver2000Characters_Is400WithTheLength()
    {
        var question = new string('a', 2001);

        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json($$"""{"question": "{{question}}"}"""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "2001 characters long; the limit is 2000");
    }

    [Fact]
    public async Task Ask_QuestionOfExactly2000Characters_IsAnswered()
    {
        var question = string.Concat(Enumerable.Repeat("masked autoencoders ", 100));
        Assert.Equal(2000, question.Length);

        var sut = await Http.PostJsonAsync(_client, "/api/ask", $$"""{"question": "{{question}}"}""");

        Assert.Equal("answered", sut.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"question": 42}""", "$.question")]
    [InlineData("""{"question": "x", "filters": {"from": "2024-02-30"}}""", "$.filters.from")]
    [InlineData("""{"question": "x", "filters": "2024"}""", "$.filters")]
    [InlineData("""{"question": "x", "filters": {"from": "2024-01-01", "includeUndated": "yes"}}""", "$.filters.includeUndated")]
    [InlineData("""{"question": "x", "colour": "red"}""", "$.colour")]
    [InlineData("""{"question": "x",""", "not valid JSON")]
    public async Task Ask_MalformedJson_Is400NamingThePath(string body, string expected)
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json(body));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Ask_UnknownConversation_Is404()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json("""{"question": "BERT", "conversationId": "0123456789abcdef0123456789abcdef"}"""));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "omit conversationId");
    }

    [Fact]
    public async Task Ask_BodyOver64KB_IsRefusedAsTooLarge()
    {
        var body = $$"""{"question": "{{new string('a', 70_000)}}"}""";

        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json(body));

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than this endpoint accepts");
    }

    [Fact]
    public async Task Ask_NotJsonContentType_Is415()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask"), new StringContent("""{"question": "BERT"}"""));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    // Found by the bad-input campaign: an unknown charset made the framework throw, a 500.
    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Ask_JsonInACharsetOtherThanUtf8_Is415(string contentType)
    {
        var content = new ByteArrayContent("""{"question": "BERT"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await _client.PostAsync(Http.Path("/api/ask"), content);

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "UTF-8");
    }

    [Fact]
    public async Task Ask_EmptyBody_Is400AskingForAJsonObject()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json(""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "body is empty");
    }

    [Fact]
    public async Task Ask_ProblemResponses_CarryInstanceAndTraceId()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask"), Http.Json("""{"question": ""}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("/api/ask", problem.GetProperty("instance").GetString());
        Assert.Matches(@"\S+", problem.GetProperty("traceId").GetString());
    }
}
