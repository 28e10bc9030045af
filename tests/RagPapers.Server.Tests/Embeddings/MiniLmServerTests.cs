using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Embeddings;

public sealed class MiniLmServerTests
{
    [Fact]
    public async Task Search_ServerOnMiniLM_FindsThePaperAQuestionOnlyParaphrases()
    {
        using var collection = new TempFolder();
        await using var sut = await RunningServer.StartAsync(TinyCollection.Settings(collection, new()
        {
            ["Embeddings:Provider"] = "MiniLM",
            ["Server:RateLimit:Enabled"] = "false",
        }));

        // Not one word of the question is in any paper: keyword coverage is 0 everywhere, so relevance is the
        // embedder's cosine alone, which the hashed local embedder leaves at 0.00 for all three.
        var search = await Http.GetJsonAsync(sut.Client, "/api/search?q=voice%20to%20text%20pretrained%20on%20unannotated%20recordings&top=3");

        var results = search.GetProperty("results");
        Assert.Equal("2401.00003", results[0].GetProperty("paperId").GetString());
        Assert.True(results[0].GetProperty("relevance").GetDouble() >= 0.3, results.ToString());
        Assert.True(results[1].GetProperty("relevance").GetDouble() <= 0.2, results.ToString());
    }
}
