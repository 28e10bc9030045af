using System.Net;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Interactions;

[Collection(BotGroup.Name)]
public sealed class ReplayTests(BotFixture fixture)
{
    [Fact]
    public async Task Post_SameSignedCommandThreeTimes_AnsweredOnceReplaysRefused()
    {
        var (id, token) = (InteractionJson.NewId(), InteractionJson.NewToken());
        var body = InteractionJson.Command(id, "search", token, CommandFlowTests.NewChannel(), ("query", "contrastive learning"));

        using var first = await fixture.Bot.PostAsync(body, fixture.Key);
        using var second = await fixture.Bot.PostAsync(body, fixture.Key);
        using var third = await fixture.Bot.PostAsync(body, fixture.Key);
        await CommandRun.WaitForLogAsync(fixture.Bot, $"Interaction {id} /search:");
        await Task.Delay(500); // room for a second answer, were one coming

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Contains("already received", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(fixture.Discord.ForToken(token), r => r.IsEditOriginal);
    }
}
