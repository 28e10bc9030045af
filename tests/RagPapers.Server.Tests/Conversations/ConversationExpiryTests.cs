using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Conversations;

public sealed class ConversationExpiryTests(ClockServer fixture) : IClassFixture<ClockServer>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task FollowUp_WithinIdleTime_ContinuesTheConversation()
    {
        var id = await FirstQuestionAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(29));

        var sut = await Http.PostJsonAsync(_client, "/api/ask", $$"""{"question": "and the second one?", "conversationId": "{{id}}"}""");

        Assert.Equal(id, sut.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task FollowUp_AfterIdleTime_Is404()
    {
        var id = await FirstQuestionAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        using var sut = await _client.PostAsync(Http.Path("/api/ask"), Http.Json($$"""{"question": "and the second one?", "conversationId": "{{id}}"}"""));

        await Problem.AssertAsync(sut, HttpStatusCode.NotFound, "expired");
    }

    private async Task<string> FirstQuestionAsync()
    {
        var first = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "graph neural networks and sparse attention"}""");
        return first.GetProperty("conversationId").GetString()!;
    }
}
