using System.Net;
using System.Text.Json;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

[Collection(LoadedServerCollection.Name)]
public sealed class SearchEndpointTests(LoadedServer fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Search_Query_ReturnsRankedPapersWithPassages()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/search?q=speaker%20verification&top=3");

        Assert.Equal("speaker verification", sut.GetProperty("query").GetString());
        Assert.True(sut.GetProperty("hasRelevantEvidence").GetBoolean());
        var results = sut.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(3, results.Length);
        Assert.Equal([1, 2, 3], results.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Contains("Speaker Verification", results[0].GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(results, r => Assert.NotEmpty(r.GetProperty("passages").EnumerateArray()));
    }

    [Fact]
    public async Task Search_WithoutTop_ReturnsTenPapers()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/search?q=self-supervised%20learning");

        Assert.Equal(10, sut.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Search_DateRange_KeepsOnlyPapersInRange()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/search?q=contrastive&from=2024-01-01&to=2024-12-31");

        var dates = sut.GetProperty("results").EnumerateArray().Select(r => DateOnly.Parse(r.GetProperty("date").GetString()!)).ToArray();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Equal(2024, d.Year));
    }

    [Fact]
    public async Task Search_DateRange_SaysHowManyUndatedPapersItLeftOut()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/search?q=self-supervised%20speech%20representation&from=2023-01-01");

        // The bundled collection has 479 papers without a date (the README's CLI example says the same).
        Assert.Equal(479, sut.GetProperty("undatedExcluded").GetInt32());
        Assert.All(sut.GetProperty("results").EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.GetProperty("date").ValueKind));
    }

    [Fact]
    public async Task Search_DateRangeIncludingUndated_FindsUndatedPapersAndCountsNoneLeftOut()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/search?q=self-supervised%20speech%20representation&from=2023-01-01&includeUndated=true");

        Assert.False(sut.TryGetProperty("undatedExcluded", out _), sut.ToString());
        var dates = sut.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("date")).ToArray();
        Assert.Contains(dates, d => d.ValueKind == JsonValueKind.Null);
        Assert.All(dates.Where(d => d.ValueKind == JsonValueKind.String), d => Assert.True(DateOnly.Parse(d.GetString()!) >= new DateOnly(2023, 1, 1)));
    }

    [Fact]
    public async Task Search_NoDateRange_HasNoUndatedCount()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/search?q=speaker%20verification&top=1&includeUndated=false");

        Assert.False(sut.TryGetProperty("undatedExcluded", out _), sut.ToString());
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%20", "q")]
    [InlineData("/api/search?q=bert&top=0", "top")]
    [InlineData("/api/search?q=bert&top=51", "top")]
    [InlineData("/api/search?q=bert&from=2024-06-01&to=2024-01-01", "from")]
    public async Task Search_InvalidParameter_Is400NamingIt(string path, string field)
    {
        using var response = await _client.GetAsync(Http.Path(path));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/search?q=bert&top=ten", "\"top\"")]
    [InlineData("/api/search?q=bert&from=2024-02-30", "\"from\"")]
    [InlineData("/api/search?q=bert&to=yesterday", "yyyy-MM-dd")]
    [InlineData("/api/search?q=bert&from=2024-06-01T00:00:00", "yyyy-MM-dd")] // found by the campaign: DateOnly binding took it
    [InlineData("/api/search?q=bert&from=06/01/2024", "yyyy-MM-dd")]
    [InlineData("/api/search?q=bert&from=2024-01-01&includeUndated=yes", "\"includeUndated\" cannot be \"yes\": expected true or false")]
    public async Task Search_UnparsableParameter_Is400NamingItWithoutTypeNames(string path, string expected)
    {
        using var response = await _client.GetAsync(Http.Path(path));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, expected);
        Assert.DoesNotContain("Nullable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // Text that means something to FTS5, SQL or JSON must reach retrieval as plain words, never as syntax.
    [Theory]
    [InlineData("\"")]
    [InlineData("(((")]
    [InlineData("NEAR(speaker verification, 2)")]
    [InlineData("speaker AND OR NOT verification")]
    [InlineData("*")]
    [InlineData("^speaker")]
    [InlineData("title:barlow")]
    [InlineData("'; DROP TABLE papers; --")]
    [InlineData("-contrastive +video")]
    [InlineData("\u0000\u0001")]
    [InlineData("🙂 🙃 音声認識")]
    [InlineData("\ud800")]
    public async Task Search_TextWithSyntaxInIt_IsSearchedAsWords(string query)
    {
        using var response = await _client.GetAsync(Http.Path("/api/search?q=" + Uri.EscapeDataString(query)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_ManyDistinctWords_IsSearched()
    {
        var words = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"w{i}"));

        var sut = await Http.GetJsonAsync(_client, "/api/search?q=" + words);

        Assert.False(sut.GetProperty("hasRelevantEvidence").GetBoolean());
    }

    [Fact]
    public async Task Search_QueryOver2000Characters_Is400()
    {
        using var response = await _client.GetAsync(Http.Path("/api/search?q=" + new string('b', 2001)));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "limit is 2000");
    }
}
