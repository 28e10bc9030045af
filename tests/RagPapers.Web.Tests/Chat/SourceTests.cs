using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Chat;

[Collection(ChatPageCollection.Name)]
public sealed class SourceTests(ChatPageServer fixture)
{
    [BrowserFact]
    public async Task Citation_Clicked_MarksItsSourceAndTheSourceOpensThePaperWithTheQuoteHighlighted()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        await sut.AskAsync("How do graph neural networks predict molecule properties?");
        await sut.WaitForAnswerAsync(1);

        await sut.Answer(1).Locator("a.cite", new() { HasText = "[2]" }).ClickAsync();

        var second = sut.Sources(1).Nth(1);
        await Assertions.Expect(second).ToBeFocusedAsync();
        await Assertions.Expect(second).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcurrent\b"));
        await Assertions.Expect(second.Locator(".date")).ToHaveTextAsync("undated");
        var quote = await second.Locator(".quote mark").TextContentAsync();

        var opener = second.Locator(".paper-link");
        await opener.ClickAsync();

        await sut.ExpectPaperOpenAsync(PaperCollection.UndatedPaperTitle);
        await Assertions.Expect(sut.PaperPanel.Locator("#paper-title")).ToBeFocusedAsync();
        await Assertions.Expect(sut.PaperPanel.Locator(".abstract")).ToContainTextAsync("We revisit them against graph neural networks.");
        await Assertions.Expect(sut.PaperPanel.Locator(".abstract mark")).ToHaveTextAsync(quote!);
        await Assertions.Expect(sut.PaperPanel.Locator(".authors")).ToHaveTextAsync("Dorothy Hodgkin");
        var similar = sut.PaperPanel.Locator(".similar .paper-link");
        await Assertions.Expect(similar).Not.ToHaveCountAsync(0);

        var next = await similar.First.TextContentAsync();
        await similar.First.ClickAsync();
        await sut.ExpectPaperOpenAsync(next!);

        await sut.PaperPanel.Locator("#paper-close").ClickAsync();
        await Assertions.Expect(sut.PaperPanel).ToBeHiddenAsync();
        await Assertions.Expect(opener).ToBeFocusedAsync(); // back where the reader was
        session.AssertNoErrors();
    }
}
