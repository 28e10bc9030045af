using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Search;

[Collection(ChatPageCollection.Name)]
public sealed class SearchTests(ChatPageServer fixture)
{
    [BrowserFact]
    public async Task Search_WithASourceFilter_ShowsOnlyThatFilesPapersWithTheirPassages()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);

        await sut.SearchAsync("self-supervised learning", source: PaperCollection.SpeechFile);

        var hits = sut.SearchResults.Locator(".hit");
        await Assertions.Expect(hits).ToHaveCountAsync(3);
        await Assertions.Expect(hits.Locator(".file")).ToHaveTextAsync(Enumerable.Repeat(PaperCollection.SpeechFile, 3).ToArray());
        await Assertions.Expect(hits.First.Locator(".passage")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(sut.Status).ToHaveTextAsync("3 papers found.");
        var url = new Uri(session.Requests.Last(r => r.Url.Contains("/api/search", StringComparison.Ordinal)).Url);
        Assert.Contains("source=speech.jsonl", url.Query, StringComparison.Ordinal);
        session.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Search_WithADateRange_ShowsOnlyPapersOfThoseDaysAndOpensOne()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);

        await sut.SearchAsync("self-supervised speech", from: "2024-04-01", to: "2024-04-30");

        var hits = sut.SearchResults.Locator(".hit");
        await Assertions.Expect(hits).ToHaveCountAsync(1);
        await Assertions.Expect(hits.Locator(".date")).ToHaveTextAsync("2024-04-20");
        await hits.Locator(".paper-link").ClickAsync();
        await sut.ExpectPaperOpenAsync("Self-Supervised Speaker Verification");
        session.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Search_FromAfterTo_ShowsTheServersReasonInsteadOfResults()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);

        await sut.SearchAsync("graph", from: "2024-05-01", to: "2024-01-01");

        await Assertions.Expect(sut.SearchResults.Locator(".error")).ToContainTextAsync("from (2024-05-01) is after to (2024-01-01)");
        await Assertions.Expect(sut.SearchResults.Locator(".hit")).ToHaveCountAsync(0);
        session.AssertNoErrors(400);
    }
}
