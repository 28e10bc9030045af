using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Interactions;

[Collection(BotGroup.Name)]
public sealed class MentionSafetyTests(BotFixture fixture)
{
    [Fact]
    public async Task Paper_AbstractWithEveryoneAndRoleMentions_PingsNobody()
    {
        var run = await CommandRun.RunAsync(fixture, CommandFlowTests.NewChannel(), "paper", ("id-or-title", BotFixture.PingPaperId));

        Assert.Contains("@everyone", run.Text, StringComparison.Ordinal); // shown as written…
        Assert.Contains("<@&123456789012345678>", run.Text, StringComparison.Ordinal);
        Assert.All(run.Messages, m => Assert.Equal("""{"parse":[]}""", m["allowed_mentions"]!.ToJsonString())); // …but pings no one
    }

    [Fact]
    public async Task Ask_AnswerQuotingEveryone_PingsNobody()
    {
        var run = await CommandRun.RunAsync(fixture, CommandFlowTests.NewChannel(), "ask", ("question", "Which attention signals help community moderation bots against alert fatigue?"));

        Assert.Contains(BotFixture.PingPaperTitle, run.Text, StringComparison.Ordinal);
        Assert.Contains("@", run.Text, StringComparison.Ordinal);
        Assert.All(run.Messages, m => Assert.Equal("""{"parse":[]}""", m["allowed_mentions"]!.ToJsonString()));
    }

    [Fact]
    public async Task EveryMessageSentSoFar_AllowsNoMentions()
    {
        await CommandRun.RunAsync(fixture, CommandFlowTests.NewChannel(), "search", ("query", "@everyone moderation bots"));

        var messages = fixture.Discord.Requests.Where(r => r.IsEditOriginal || r.IsFollowup).ToArray();
        Assert.NotEmpty(messages);
        Assert.All(messages, r => Assert.Equal("""{"parse":[]}""", r.Body!["allowed_mentions"]!.ToJsonString()));
    }

    [Fact]
    public async Task Logs_NeverHoldTheInteractionTokenOrTheBotToken()
    {
        var run = await CommandRun.RunAsync(fixture, CommandFlowTests.NewChannel(), "ask", ("question", CommandFlowTests.MedicalQuestion));
        var token = run.Original.WebhookToken!;

        var lines = fixture.Bot.Logs.Lines;

        Assert.Contains(lines, l => l.Contains("/ask", StringComparison.Ordinal)); // the flow was logged…
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal)); // …without its token
        Assert.DoesNotContain(lines, l => l.Contains(fixture.Discord.BotToken, StringComparison.Ordinal));
    }
}
