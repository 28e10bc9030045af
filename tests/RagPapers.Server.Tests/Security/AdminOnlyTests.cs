using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Security;

public sealed class AdminOnlyTests(AdminOnlyServer fixture) : IClassFixture<AdminOnlyServer>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Search_NoApiKeysConfigured_IsOpen()
    {
        using var sut = await _client.GetAsync(Http.Path("/api/search?q=sparse%20attention"));

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
    }

    [Fact]
    public async Task Ingest_AdminKeysConfigured_NeedsOne()
    {
        using var sut = await _client.PostAsync(Http.Path("/api/ingest?name=x.jsonl"), new StringContent(TinyCollection.Lines[1]));

        await Problem.AssertAsync(sut, HttpStatusCode.Unauthorized);
    }
}
