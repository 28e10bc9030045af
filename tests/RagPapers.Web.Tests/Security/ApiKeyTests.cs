using System.Net;
using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Security;

[Collection(ChatPageCollection.Name)]
public sealed class ApiKeyTests(ChatPageServer fixture)
{
    private const string Question = "How is speech recognition studied?"; // not a list question: those cite only the papers above the threshold

    [BrowserFact]
    public async Task Ask_WithoutAKey_AsksForItOnceExplainsAWrongOneAndKeepsItForTheTab()
    {
        await using var session = await fixture.OpenPageAsync(key: null);
        var sut = new ChatPage(session.Page);
        var keyInput = session.Page.Locator("#key-input");

        await sut.AskAsync(Question);
        await Assertions.Expect(sut.KeyDialog).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("#key-reason")).ToContainTextAsync("This endpoint needs an API key");
        await Assertions.Expect(keyInput).ToBeFocusedAsync();
        await keyInput.FillAsync("not-the-key-0123456789");
        await keyInput.PressAsync("Enter");
        await Assertions.Expect(session.Page.Locator("#key-reason")).ToContainTextAsync("The API key is not valid.");
        await keyInput.FillAsync(ChatPageServer.ReaderKey);
        await keyInput.PressAsync("Enter");

        await Assertions.Expect(sut.KeyDialog).ToBeHiddenAsync();
        Assert.Equal(ChatPageServer.ModelAnswer, await sut.WaitForAnswerAsync(1));
        await Assertions.Expect(session.Page.Locator("#key-state")).ToBeVisibleAsync();

        await session.Page.ReloadAsync(); // the same tab: the key is still there, nothing is asked again
        await sut.SearchAsync("speech recognition");
        await Assertions.Expect(sut.SearchResults.Locator(".hit")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(sut.KeyDialog).ToBeHiddenAsync();
        Assert.Equal(ChatPageServer.ReaderKey, await session.Page.EvaluateAsync<string>($"() => sessionStorage.getItem('{PageSession.KeyStorageName}')"));
        session.AssertNoErrors(401);
    }

    [BrowserFact]
    public async Task Ask_KeyPromptCancelled_ExplainsTheServerNeedsAKey()
    {
        await using var session = await fixture.OpenPageAsync(key: null);
        var sut = new ChatPage(session.Page);

        await sut.AskAsync(Question);
        await Assertions.Expect(sut.KeyDialog).ToBeVisibleAsync();
        await session.Page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(sut.KeyDialog).ToBeHiddenAsync();
        await Assertions.Expect(sut.Turn(1).Locator(".error")).ToContainTextAsync("This server needs an API key.");
        await Assertions.Expect(sut.Turn(1).Locator(".answer")).ToBeHiddenAsync();
        session.AssertNoErrors(401);
    }

    [BrowserFact]
    public async Task Ask_RateLimitUsedUp_ExplainsTheWaitOnThePage()
    {
        await UseUpTheSpareKeysWindowAsync();
        await using var session = await fixture.OpenPageAsync(key: ChatPageServer.SpareKey);
        var sut = new ChatPage(session.Page);

        await sut.AskAsync(Question);

        await Assertions.Expect(sut.Turn(1).Locator(".error")).ToContainTextAsync("Too many requests: This client's request limit (Server:RateLimit) is used up; retry after");
        await Assertions.Expect(sut.KeyDialog).ToBeHiddenAsync();
        await sut.SearchAsync("speech");
        await Assertions.Expect(sut.SearchResults.Locator(".error")).ToContainTextAsync("Too many requests");
        session.AssertNoErrors(429);
    }

    private async Task UseUpTheSpareKeysWindowAsync()
    {
        for (var i = 0; i <= ChatPageServer.PermitLimit; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/papers?pageSize=1", UriKind.Relative));
            request.Headers.Add("X-Api-Key", ChatPageServer.SpareKey);
            using var response = await fixture.Server.Client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }
        }

        Assert.Fail($"{ChatPageServer.PermitLimit + 1} requests did not use up the spare key's window");
    }
}
