using System.Net;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

[Collection(LoadedServerCollection.Name)]
public sealed class PaperEndpointTests(LoadedServer fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task List_FirstPage_CountsEveryPaperNewestFirst()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/papers");

        Assert.Equal(516, sut.GetProperty("total").GetInt32());
        Assert.Equal(1, sut.GetProperty("page").GetInt32());
        var dates = sut.GetProperty("items").EnumerateArray().Select(p => DateOnly.Parse(p.GetProperty("date").GetString()!)).ToArray();
        Assert.Equal(20, dates.Length);
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task List_Pages_DoNotOverlapAndTheLastIsPartial()
    {
        var first = await Http.GetJsonAsync(_client, "/api/papers?page=1&pageSize=100");
        var second = await Http.GetJsonAsync(_client, "/api/papers?page=2&pageSize=100");
        var last = await Http.GetJsonAsync(_client, "/api/papers?page=6&pageSize=100");

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("id").GetString());
        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(16, last.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task List_Query_KeepsPapersWhoseTitleHasEveryWord()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/papers?query=barlow%20twins");

        var titles = sut.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToArray();
        Assert.Equal(sut.GetProperty("total").GetInt32(), titles.Length);
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains("barlow twins", t, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Get_KnownId_ReturnsThePaperWithItsAbstract()
    {
        var id = await FirstIdAsync("barlow");

        var sut = await Http.GetJsonAsync(_client, $"/api/papers/{id}");

        Assert.Equal(id, sut.GetProperty("id").GetString());
        Assert.Contains("Barlow Twins", sut.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(sut.GetProperty("abstract").GetString()!.Length > 100);
    }

    [Fact]
    public async Task Similar_KnownId_ReturnsOtherRankedPapers()
    {
        var id = await FirstIdAsync("barlow");

        var sut = await Http.GetJsonAsync(_client, $"/api/papers/{id}/similar?top=3");

        var similar = sut.GetProperty("similar").EnumerateArray().ToArray();
        Assert.Equal(3, similar.Length);
        Assert.DoesNotContain(similar, s => s.GetProperty("paperId").GetString() == id);
        Assert.Equal([1, 2, 3], similar.Select(s => s.GetProperty("rank").GetInt32()));
        Assert.All(similar, s => Assert.InRange(s.GetProperty("relevance").GetDouble(), 0.0, 1.0));
    }

    [Theory]
    [InlineData("/api/papers/2999.99999")]
    [InlineData("/api/papers/t-0000000000000000/similar")]
    [InlineData("/api/papers/hep-th%2F9901001")]
    public async Task Get_UnknownId_Is404(string path)
    {
        using var response = await _client.GetAsync(Http.Path(path));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "No paper has the id");
    }

    [Theory]
    [InlineData("/api/papers?page=0", "page")]
    [InlineData("/api/papers?pageSize=101", "pageSize")]
    [InlineData("/api/papers/t-51374f71b7ebe08a/similar?top=0", "top")]
    public async Task List_OutOfRange_Is400NamingIt(string path, string field)
    {
        using var response = await _client.GetAsync(Http.Path(path));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private async Task<string> FirstIdAsync(string query)
    {
        var page = await Http.GetJsonAsync(_client, $"/api/papers?query={query}");
        return page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }
}
