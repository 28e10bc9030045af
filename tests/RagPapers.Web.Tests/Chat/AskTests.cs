using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Chat;

[Collection(ChatPageCollection.Name)]
public sealed class AskTests(ChatPageServer fixture)
{
    private const string Question = "How do graph neural networks predict molecule properties?";

    [BrowserFact]
    public async Task Ask_Question_TheAnswerStreamsInWithCitationLinksAndASourcesList()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);

        await sut.AskAsync(Question);

        // Caught mid-stream: some of the answer is shown while the page still waits for the rest.
        var partial = await session.Page.WaitForFunctionAsync("""
            () => {
              const answer = document.querySelector('#turns .answer');
              return answer && answer.getAttribute('aria-busy') === 'true' && answer.textContent.length > 0 ? answer.textContent : null;
            }
            """);
        var seen = await partial.JsonValueAsync<string>();
        await Assertions.Expect(sut.Stop).ToBeVisibleAsync();
        var answer = await sut.WaitForAnswerAsync(1);
        Assert.Equal(ChatPageServer.ModelAnswer, answer);
        Assert.True(seen.Length < answer.Length && answer.StartsWith(seen, StringComparison.Ordinal), $"mid-stream text \"{seen}\"");
        await Assertions.Expect(sut.Turn(1).Locator(".question")).ToContainTextAsync(Question);
        await Assertions.Expect(sut.Answer(1).Locator("a.cite")).ToHaveTextAsync(["[1]", "[2]"]);
        await Assertions.Expect(sut.Sources(1)).ToHaveCountAsync(2);
        var first = sut.Sources(1).First;
        await Assertions.Expect(first.Locator(".paper-link")).ToHaveTextAsync(PaperCollection.GraphPaperTitle);
        await Assertions.Expect(first.Locator(".date")).ToHaveTextAsync("2024-01-05");
        await Assertions.Expect(first.Locator(".file")).ToHaveTextAsync(PaperCollection.MoleculesFile);
        await Assertions.Expect(first.Locator(".quote mark")).Not.ToBeEmptyAsync();
        await Assertions.Expect(sut.Status).ToContainTextAsync("Answered by the llm writer");
        session.AssertNoErrors();
    }
}
