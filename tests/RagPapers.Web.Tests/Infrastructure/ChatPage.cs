using Microsoft.Playwright;

namespace RagPapers.Web.Tests.Infrastructure;

/// <summary>What a reader sees and does on the chat page, in the page's own terms.</summary>
public sealed class ChatPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Question => Page.Locator("#question");

    public ILocator Submit => Page.Locator("#submit");

    public ILocator Stop => Page.Locator("#stop");

    public ILocator Status => Page.Locator("#status");

    public ILocator Turns => Page.Locator("#turns > li.turn");

    public ILocator PaperPanel => Page.Locator("#paper");

    public ILocator KeyDialog => Page.Locator("#key-dialog");

    public ILocator SearchResults => Page.Locator("#search-results");

    public ILocator Turn(int n) => Turns.Nth(n - 1);

    public ILocator Answer(int turn) => Turn(turn).Locator(".answer");

    public ILocator Sources(int turn) => Turn(turn).Locator(".source");

    public async Task AskAsync(string question)
    {
        await Question.FillAsync(question);
        await Question.PressAsync("Enter");
    }

    /// <summary>Waits until turn n's stream has ended (answer, notice or error shown) and returns its answer text.</summary>
    public async Task<string> WaitForAnswerAsync(int turn)
    {
        await Assertions.Expect(Answer(turn)).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(Stop).ToBeHiddenAsync();
        return await Answer(turn).TextContentAsync() ?? "";
    }

    public async Task SearchAsync(string query, string? source = null, string? from = null, string? to = null)
    {
        await Page.Locator("#mode-search").ClickAsync();
        if (source is not null || from is not null || to is not null)
        {
            await OpenFiltersAsync();
            await Page.Locator("#filter-source").FillAsync(source ?? "");
            await Page.Locator("#filter-from").FillAsync(from ?? "");
            await Page.Locator("#filter-to").FillAsync(to ?? "");
        }

        await Question.FillAsync(query);
        await Question.PressAsync("Enter");
        await Assertions.Expect(SearchResults).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    public async Task OpenFiltersAsync()
    {
        if (await Page.Locator("#filters").GetAttributeAsync("open") is null)
        {
            await Page.Locator("#filters summary").ClickAsync();
        }
    }

    public async Task ExpectPaperOpenAsync(string title)
    {
        await Assertions.Expect(PaperPanel).ToBeVisibleAsync();
        await Assertions.Expect(PaperPanel.Locator("#paper-title")).ToHaveTextAsync(title);
    }
}
