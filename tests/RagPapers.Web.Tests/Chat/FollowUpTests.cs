using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RagPapers.Testing.OpenAi;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Chat;

[Collection(ChatPageCollection.Name)]
public sealed class FollowUpTests(ChatPageServer fixture)
{
    [BrowserFact]
    public async Task FollowUp_AfterAnAnswer_KeepsTheConversationAndNewChatStartsAnother()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        await sut.AskAsync("How do graph neural networks predict molecule properties?");
        await sut.WaitForAnswerAsync(1);
        var secondSource = await sut.Sources(1).Nth(1).Locator(".paper-link").TextContentAsync();

        fixture.Model.Reply(OpenAiReply.SlowText("It argues that circular fingerprints stay strong baselines [1].", TimeSpan.FromMilliseconds(10)));
        await sut.AskAsync("and the second one?");
        await sut.WaitForAnswerAsync(2);

        // The server resolved "the second one" against the first answer: only its second source is cited.
        await Assertions.Expect(sut.Sources(2)).ToHaveCountAsync(1);
        await Assertions.Expect(sut.Sources(2).Locator(".paper-link")).ToHaveTextAsync(secondSource!);
        await Assertions.Expect(sut.Turns).ToHaveCountAsync(2);
        var asked = session.PostedBodies("/api/ask/stream");
        Assert.False(asked[0].TryGetProperty("conversationId", out _));
        var conversation = asked[1].GetProperty("conversationId").GetString();
        Assert.False(string.IsNullOrEmpty(conversation));

        await session.Page.Locator("#new-chat").ClickAsync();
        await Assertions.Expect(sut.Turns).ToHaveCountAsync(0);
        await Assertions.Expect(session.Page.Locator("#chat-intro")).ToBeVisibleAsync();
        await sut.AskAsync("Which papers study speech recognition?");
        await sut.WaitForAnswerAsync(1);

        asked = session.PostedBodies("/api/ask/stream");
        Assert.Equal(3, asked.Count);
        Assert.False(asked[2].TryGetProperty("conversationId", out _), asked[2].ToString());
        session.AssertNoErrors();
    }

    [BrowserFact]
    public async Task FollowUp_ConversationExpiredOnTheServer_SaysSoAndTheNextQuestionStartsAfresh()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        await sut.AskAsync("Which papers study speech recognition?");
        await sut.WaitForAnswerAsync(1);
        // As if the server had forgotten the conversation while the reader was away: it no longer knows the id.
        await session.Page.RouteAsync("**/api/ask/stream", async route =>
        {
            var body = JsonNode.Parse(route.Request.PostData!)!.AsObject();
            if (body.ContainsKey("conversationId"))
            {
                body["conversationId"] = "0123456789abcdef0123456789abcdef";
            }

            await route.ContinueAsync(new RouteContinueOptions { PostData = Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });

        await sut.AskAsync("and the second one?");
        await sut.WaitForAnswerAsync(2);
        await Assertions.Expect(sut.Turn(2).Locator(".error")).ToContainTextAsync("This conversation has expired on the server");
        await sut.AskAsync("Which papers study speaker verification?");
        await sut.WaitForAnswerAsync(3);

        await Assertions.Expect(sut.Sources(3)).Not.ToHaveCountAsync(0);
        Assert.False(session.PostedBodies("/api/ask/stream")[2].TryGetProperty("conversationId", out _));
        session.AssertNoErrors(404);
    }
}
