using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Layout;

/// <summary>The page on a 360 px phone (light and dark) and on a desktop, each kept as a screenshot under artifacts/web-chat/.</summary>
[Collection(ChatPageCollection.Name)]
public sealed class LayoutTests(ChatPageServer fixture)
{
    private const string Question = "How do graph neural networks predict molecule properties?";

    [BrowserFact]
    public async Task Page_At360PixelsWide_FitsWithoutSideScrollingAndOpensThePaperFullScreen()
    {
        await using var session = await fixture.OpenPageAsync(width: 360, height: 740);
        var sut = new ChatPage(session.Page);

        await sut.AskAsync(Question);
        await sut.WaitForAnswerAsync(1);
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("chat-360.png") });
        await AssertFitsAsync(session.Page, 360);
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("chat-360-dark.png") });
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        await sut.Sources(1).First.Locator(".paper-link").ClickAsync();
        await sut.ExpectPaperOpenAsync(PaperCollection.GraphPaperTitle);
        var panel = await sut.PaperPanel.BoundingBoxAsync();
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("paper-360.png") });

        Assert.NotNull(panel);
        Assert.Equal(0, panel.X);
        Assert.Equal(360, panel.Width);
        await AssertFitsAsync(session.Page, 360);
        session.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Page_OnADesktop_ShowsTheConversationAndThePaperSideBySide()
    {
        await using var session = await fixture.OpenPageAsync(width: 1280, height: 800);
        var sut = new ChatPage(session.Page);

        await sut.AskAsync(Question);
        await sut.WaitForAnswerAsync(1);
        await sut.Sources(1).First.Locator(".paper-link").ClickAsync();
        await sut.ExpectPaperOpenAsync(PaperCollection.GraphPaperTitle);
        await Assertions.Expect(sut.PaperPanel.Locator(".similar li")).Not.ToHaveCountAsync(0);
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("chat-desktop.png") });

        var conversation = await session.Page.Locator("#chat-view").BoundingBoxAsync();
        var paper = await sut.PaperPanel.BoundingBoxAsync();
        Assert.True(conversation!.X + conversation.Width <= paper!.X + 1, "the paper sits to the right of the conversation");
        await AssertFitsAsync(session.Page, 1280);
        session.AssertNoErrors();
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var widest = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(widest <= width, $"the page is {widest} px wide in a {width} px viewport");
    }
}
