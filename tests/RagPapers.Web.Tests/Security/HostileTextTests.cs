using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Security;

/// <summary>Text from papers is shown as text: markup in a title, an author or an abstract stays inert.</summary>
[Collection(ChatPageCollection.Name)]
public sealed class HostileTextTests(ChatPageServer fixture)
{
    [BrowserFact]
    public async Task Paper_WithScriptAndImageMarkup_ShowsTheMarkupAsTextAndRunsNothing()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);

        await sut.SearchAsync("markup injection interfaces");
        var hit = sut.SearchResults.Locator(".hit").First;
        await Assertions.Expect(hit.Locator(".paper-link")).ToHaveTextAsync(PaperCollection.HostileTitle);
        await Assertions.Expect(hit.Locator(".authors")).ToHaveTextAsync("Mallory <b>Evil</b>");
        await hit.Locator(".paper-link").ClickAsync();
        await sut.ExpectPaperOpenAsync(PaperCollection.HostileTitle);
        var abstractText = await sut.PaperPanel.Locator(".abstract").TextContentAsync();

        Assert.Contains(PaperCollection.HostileScript, abstractText, StringComparison.Ordinal);
        Assert.Contains(PaperCollection.HostileImage, abstractText, StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator("main img, main script, main b").CountAsync());
        Assert.Equal("undefined", await session.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.DoesNotContain(session.Requests, r => new Uri(r.Url).AbsolutePath == "/x"); // no <img src=x> was ever made
        session.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Page_HtmlStringSink_IsRefusedByTheContentSecurityPolicy()
    {
        await using var session = await fixture.OpenPageAsync();

        // Trusted Types: should any code ever hand an HTML string to the DOM, the browser throws instead of parsing it.
        var sut = await session.Page.EvaluateAsync<string>("""
            () => {
              try {
                document.getElementById('turns').innerHTML = '<img src=x>';
                return 'parsed';
              } catch (error) {
                return error.name;
              }
            }
            """);

        Assert.Equal("TypeError", sut);
        Assert.Equal(0, await session.Page.Locator("#turns img").CountAsync());
    }
}
