using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Layout;

/// <summary>Everything a reader does, done with the keyboard alone.</summary>
[Collection(ChatPageCollection.Name)]
public sealed class KeyboardTests(ChatPageServer fixture)
{
    private const int MaxTabs = 30;

    [BrowserFact]
    public async Task Keyboard_Alone_AsksFollowsACitationOpensThePaperAndComesBack()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        var keyboard = session.Page.Keyboard;
        await Assertions.Expect(sut.Question).ToBeFocusedAsync(); // the page opens ready to type

        await keyboard.TypeAsync("How do graph neural networks predict molecule properties?");
        await keyboard.PressAsync("Enter");
        await sut.WaitForAnswerAsync(1);
        await Assertions.Expect(sut.Question).ToBeFocusedAsync();

        await TabUntilAsync(session.Page, "a.cite", backwards: true);
        var n = await session.Page.EvaluateAsync<int>("() => Number(document.activeElement.dataset.n)");
        await keyboard.PressAsync("Enter");
        var source = sut.Sources(1).Nth(n - 1);
        await Assertions.Expect(source).ToBeFocusedAsync();
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(source.Locator(".paper-link")).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await sut.ExpectPaperOpenAsync((await source.Locator(".paper-link").TextContentAsync())!);
        await Assertions.Expect(sut.PaperPanel.Locator("#paper-title")).ToBeFocusedAsync();
        await keyboard.PressAsync("Escape");

        await Assertions.Expect(sut.PaperPanel).ToBeHiddenAsync();
        await Assertions.Expect(source.Locator(".paper-link")).ToBeFocusedAsync();
        session.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Keyboard_EscapeWhileWriting_StopsTheAnswer()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        fixture.Model.Reply(RagPapers.Testing.OpenAi.OpenAiReply.StallMidStream("Graph neural networks pass messages [1]."));

        await sut.AskAsync("How do graph neural networks predict molecule properties?");
        await Assertions.Expect(sut.Answer(1)).Not.ToBeEmptyAsync();
        await session.Page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(sut.Turn(1).Locator(".notice")).ToContainTextAsync("Stopped");
        await Assertions.Expect(sut.Stop).ToBeHiddenAsync();
        session.AssertNoErrors();
    }

    private static async Task TabUntilAsync(IPage page, string selector, bool backwards)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector}");
    }
}
