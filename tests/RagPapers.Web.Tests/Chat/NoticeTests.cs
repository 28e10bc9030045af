using Microsoft.Playwright;
using RagPapers.Testing.OpenAi;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Chat;

/// <summary>A notice is shown as a notice beside the answer, never as the answer's text.</summary>
[Collection(ChatPageCollection.Name)]
public sealed class NoticeTests(ChatPageServer fixture)
{
    [BrowserFact]
    public async Task Ask_LlmFails_TheExtractiveAnswerComesWithTheNoticeApart()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        fixture.Model.Reply(OpenAiReply.Error(500, "model overloaded"));

        await sut.AskAsync("How do graph neural networks predict molecule properties?");
        var answer = await sut.WaitForAnswerAsync(1);

        await Assertions.Expect(sut.Turn(1).Locator(".notice")).ToHaveTextAsync("LLM failed (HTTP 500); showing the extractive answer");
        await Assertions.Expect(sut.Turn(1).Locator(".notice")).ToHaveAttributeAsync("role", "note");
        Assert.DoesNotContain("LLM", answer, StringComparison.Ordinal);
        Assert.Contains(PaperCollection.GraphPaperTitle, answer, StringComparison.Ordinal); // the extractive answer names its papers
        await Assertions.Expect(sut.Sources(1)).Not.ToHaveCountAsync(0);
        await Assertions.Expect(sut.Status).ToContainTextAsync("extractive");
        session.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Ask_NothingInTheCollection_SaysSoAsANoticeWithoutSources()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);

        await sut.AskAsync("What do volcanologists know about basalt lava viscosity?");
        var answer = await sut.WaitForAnswerAsync(1);

        Assert.StartsWith("I found nothing in the collection about", answer, StringComparison.Ordinal);
        await Assertions.Expect(sut.Answer(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bas-notice\b"));
        await Assertions.Expect(sut.Answer(1)).ToHaveAttributeAsync("role", "note");
        await Assertions.Expect(sut.Sources(1)).ToHaveCountAsync(0);
        await Assertions.Expect(sut.Status).ToHaveTextAsync("Nothing in the collection answers this.");
        session.AssertNoErrors();
    }
}
