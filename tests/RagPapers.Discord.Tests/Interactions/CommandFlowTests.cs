using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Interactions;

[Collection(BotGroup.Name)]
public sealed class CommandFlowTests(BotFixture fixture)
{
    internal const string MedicalQuestion = "How do masked autoencoders help medical imaging with small datasets?";

    [Fact]
    public async Task Ask_Question_DefersThenEditsTheOriginalWithACitedEmbed()
    {
        var run = await CommandRun.RunAsync(fixture, NewChannel(), "ask", ("question", MedicalQuestion));

        Assert.Equal(5, run.Reply["type"]!.GetValue<int>());
        SignatureTests.AssertValidCallback(run.Reply.ToJsonString());
        var original = run.Original;
        Assert.Same(original, run.Webhook[0]);
        Assert.Empty(original.Violations);
        Assert.Null(original.Authorization); // webhook routes need no bot token, so none is sent
        Assert.Matches(@"^DiscordBot \(https?://\S+, \d+\.\d+\.\d+\)$", original.UserAgent);
        var embed = original.Body!["embeds"]![0]!;
        Assert.Equal(MedicalQuestion, embed["title"]!.GetValue<string>());
        Assert.Contains("[1]", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var fields = embed["fields"]!.AsArray();
        Assert.True(fields.Count >= 2, run.Text);
        Assert.StartsWith("[1] ", fields[0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"^(\d{4}-\d{2}-\d{2}|undated) · ", fields[0]!["value"]!.GetValue<string>());
        Assert.Equal("""{"parse":[]}""", original.Body["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task Ask_FollowUpInTheSameChannel_AnswersAboutTheSecondSource()
    {
        var channel = NewChannel();
        var first = await CommandRun.RunAsync(fixture, channel, "ask", ("question", MedicalQuestion));
        var secondTitle = SourceTitle(first, 2);

        var followUp = await CommandRun.RunAsync(fixture, channel, "ask", ("question", "and the second one?"));

        var fields = followUp.Original.Body!["embeds"]![0]!["fields"]!.AsArray();
        Assert.Equal("[1] " + secondTitle, Assert.Single(fields)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ask_FollowUpInAnotherChannel_HasNoContext()
    {
        var first = await CommandRun.RunAsync(fixture, NewChannel(), "ask", ("question", MedicalQuestion));
        var secondTitle = SourceTitle(first, 2);

        var elsewhere = await CommandRun.RunAsync(fixture, NewChannel(), "ask", ("question", "and the second one?"));

        Assert.DoesNotContain(secondTitle, elsewhere.Text, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Original.Violations);
    }

    [Fact]
    public async Task Search_Query_ListsTheRankedPapers()
    {
        var run = await CommandRun.RunAsync(fixture, NewChannel(), "search", ("query", "video representation learning with contrastive losses"), ("top", 3));

        var fields = run.Original.Body!["embeds"]![0]!["fields"]!.AsArray();
        Assert.Equal(3, fields.Count);
        Assert.StartsWith("1. Cycle-Contrast for Self-Supervised Video Representation Learning", fields[0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("relevance", fields[0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_ById_ShowsTheAbstractWithAnArxivLink()
    {
        var run = await CommandRun.RunAsync(fixture, NewChannel(), "paper", ("id-or-title", "arXiv:" + BotFixture.PingPaperId + "v2"));

        var embed = run.Original.Body!["embeds"]![0]!;
        Assert.Equal(BotFixture.PingPaperTitle, embed["title"]!.GetValue<string>());
        Assert.Equal("https://arxiv.org/abs/" + BotFixture.PingPaperId, embed["url"]!.GetValue<string>());
        Assert.Contains("alert fatigue", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_BySourceNumber_ShowsThatSourceOfTheChannelsLastAnswer()
    {
        var channel = NewChannel();
        var answer = await CommandRun.RunAsync(fixture, channel, "ask", ("question", MedicalQuestion));

        var run = await CommandRun.RunAsync(fixture, channel, "paper", ("id-or-title", "[2]"));

        Assert.Equal(SourceTitle(answer, 2), run.Original.Body!["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paper_ByTitleInAnotherCase_FindsIt()
    {
        var run = await CommandRun.RunAsync(fixture, NewChannel(), "paper", ("id-or-title", "cycle-contrast for self-supervised video representation learning"));

        Assert.Equal("Cycle-Contrast for Self-Supervised Video Representation Learning", run.Original.Body!["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paper_Unknown_SaysSoKindly()
    {
        var run = await CommandRun.RunAsync(fixture, NewChannel(), "paper", ("id-or-title", "zzqx-0000 no such paper"));

        Assert.Contains("found no paper matching", run.Original.Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_Paper_ListsOtherPapers()
    {
        const string title = "Cycle-Contrast for Self-Supervised Video Representation Learning";

        var run = await CommandRun.RunAsync(fixture, NewChannel(), "similar", ("paper", title));

        var embed = run.Original.Body!["embeds"]![0]!;
        Assert.Equal("Papers like: " + title, embed["title"]!.GetValue<string>());
        var names = embed["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();
        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, n => n.EndsWith(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_RepliesAtOnceWithoutDeferring()
    {
        var run = await CommandRun.RunAsync(fixture, NewChannel(), "help");

        Assert.Equal(4, run.Reply["type"]!.GetValue<int>());
        Assert.Equal("RagPapers", run.Reply["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("""{"parse":[]}""", run.Reply["data"]!["allowed_mentions"]!.ToJsonString());
        SignatureTests.AssertValidCallback(run.Reply.ToJsonString());
        Assert.Empty(run.Webhook);
    }

    [Theory]
    [InlineData("ask", "needs the option question")]
    [InlineData("frobnicate", "do not know the command /frobnicate")]
    public async Task Command_Unusable_RepliesAtOnceToTheUserOnly(string name, string expected)
    {
        var run = await CommandRun.RunAsync(fixture, NewChannel(), name);

        Assert.Equal(4, run.Reply["type"]!.GetValue<int>());
        Assert.Equal(64, run.Reply["data"]!["flags"]!.GetValue<int>());
        Assert.Contains(expected, run.Reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        SignatureTests.AssertValidCallback(run.Reply.ToJsonString());
    }

    internal static string NewChannel() => InteractionJson.NewId();

    internal static string SourceTitle(CommandRun answer, int n)
    {
        var name = answer.Original.Body!["embeds"]![0]!["fields"]!.AsArray()
            .Select(f => f!["name"]!.GetValue<string>())
            .Single(f => f.StartsWith($"[{n}] ", StringComparison.Ordinal));
        return name[$"[{n}] ".Length..];
    }
}
