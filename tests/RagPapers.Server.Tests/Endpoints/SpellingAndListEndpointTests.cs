using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

/// <summary>searchedFor in /api/ask, /api/ask/stream and /api/search, and list questions over HTTP.</summary>
[Collection(LoadedServerCollection.Name)]
public sealed class SpellingAndListEndpointTests(LoadedServer fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Ask_MisspeltQuestion_AnswersAndSaysWhatWasSearched()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "contrastive lerning for speach represntations"}""");

        Assert.Equal("answered", sut.GetProperty("status").GetString());
        Assert.Equal("contrastive learning for speech representations", sut.GetProperty("searchedFor").GetString());
    }

    [Fact]
    public async Task Ask_QuestionSearchedAsAsked_HasNoSearchedFor()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "contrastive learning for speech representations"}""");

        Assert.False(sut.TryGetProperty("searchedFor", out _));
    }

    [Fact]
    public async Task Stream_MisspeltQuestion_DoneEventSaysWhatWasSearched()
    {
        using var response = await _client.PostAsync(Http.Path("/api/ask/stream"), Http.Json("""{"question": "speach enhancment in noisy rooms"}"""));
        var events = new List<SseEvent>();
        await foreach (var item in SseReader.ReadAsync(await response.Content.ReadAsStreamAsync()))
        {
            events.Add(item);
        }

        Assert.Equal("done", events[^1].Type);
        Assert.Equal("speech enhancement in noisy rooms", events[^1].Json.GetProperty("searchedFor").GetString());
    }

    [Fact]
    public async Task Search_MisspeltQuery_SaysWhatWasSearched()
    {
        var sut = await Http.GetJsonAsync(_client, "/api/search?q=speach%20enhancment&top=2");

        Assert.Equal("speach enhancment", sut.GetProperty("query").GetString());
        Assert.Equal("speech enhancement", sut.GetProperty("searchedFor").GetString());
    }

    [Fact]
    public async Task Ask_ListQuestion_CitesEverySpeakerVerificationPaper()
    {
        var sut = await Http.PostJsonAsync(_client, "/api/ask", """{"question": "Which papers are about speaker verification?"}""");

        var titles = sut.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToArray();
        Assert.Equal(4, titles.Length);
        Assert.All(titles, t => Assert.Contains("Speaker Verification", t, StringComparison.OrdinalIgnoreCase));
    }
}
