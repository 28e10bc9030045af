using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Interactions;

/// <summary>/ask and /search with a misspelt question, and a list question, through the signed interactions flow.</summary>
[Collection(BotGroup.Name)]
public sealed class SpellingAndListFlowTests(BotFixture fixture)
{
    [Fact]
    public async Task Ask_MisspeltQuestion_EmbedOpensWithWhatWasSearched()
    {
        var run = await CommandRun.RunAsync(fixture, CommandFlowTests.NewChannel(), "ask", ("question", "contrastive lerning for speach represntations"));

        var embed = run.Original.Body!["embeds"]![0]!;
        Assert.Empty(run.Original.Violations);
        Assert.StartsWith("*searched for: contrastive learning for speech representations*\n\n", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("contrastive lerning for speach represntations", embed["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_MisspeltQuery_DescriptionSaysWhatWasSearched()
    {
        var run = await CommandRun.RunAsync(fixture, CommandFlowTests.NewChannel(), "search", ("query", "speach enhancment"), ("top", 2));

        var embed = run.Original.Body!["embeds"]![0]!;
        Assert.StartsWith("*searched for: speech enhancement*", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ListQuestion_HasAFieldForEveryListedPaper()
    {
        var run = await CommandRun.RunAsync(fixture, CommandFlowTests.NewChannel(), "ask", ("question", "Which papers use contrastive learning for video?"));

        Assert.All(run.Webhook, m => Assert.Empty(m.Violations));
        var fields = run.Webhook.SelectMany(m => m.Body!["embeds"]!.AsArray()).SelectMany(e => e!["fields"]?.AsArray() ?? []).ToArray();
        Assert.InRange(fields.Length, 4, 10); // more than the three papers of an ordinary answer
        var numbers = fields.Select(f => f!["name"]!.GetValue<string>()).Select(name => int.Parse(name[1..name.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, fields.Length), numbers);
    }
}
