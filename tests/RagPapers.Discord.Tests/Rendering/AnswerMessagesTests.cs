using System.Text.Json;
using System.Text.Json.Nodes;
using RagPapers.Answering.Contracts;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Rendering;

public sealed class AnswerMessagesTests
{
    [Fact]
    public void Build_AnswerLongerThanEveryLimit_EveryMessageRespectsEveryLimit()
    {
        var messages = AnswerMessages.Build(new string('q', 300), LongAnswers.Create());

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.Empty(MessageLimits.Check(Json(m))));
        Assert.All(messages, m => Assert.Empty(m.AllowedMentions.Parse));
        var embeds = messages.SelectMany(m => m.Embeds!).ToArray();
        Assert.Equal(256, embeds[0].Title!.Length); // the 300-character question, shortened with "…"
        Assert.EndsWith(TextFitter.Ellipsis, embeds[0].Title, StringComparison.Ordinal);
        var fields = embeds.SelectMany(e => e.Fields ?? []).ToArray();
        Assert.Equal(LongAnswers.Sources, fields.Length);
        Assert.All(fields, f => Assert.InRange(f.Value.Length, 1, 1_024));
    }

    [Fact]
    public void Build_SourceField_NamesTitleDateAndQuote()
    {
        var citation = new Citation(1, "2308.06534", "Masked *autoencoders* for x_ray", new DateOnly(2023, 8, 12), "a.jsonl", "We propose SparK.", 0.9);

        var embed = AnswerMessages.Build("q", new Answer(AnswerStatus.Answered, "It works. [1]", [citation], "extractive")).Single().Embeds!.Single();

        var field = Assert.Single(embed.Fields!);
        Assert.Equal(@"[1] Masked \*autoencoders\* for x\_ray", field.Name);
        Assert.Equal("2023-08-12 · [arXiv:2308.06534](https://arxiv.org/abs/2308.06534)\n> We propose SparK.", field.Value);
        Assert.Equal("It works. [1]", embed.Description);
    }

    [Theory]
    [InlineData("2308.06534", "https://arxiv.org/abs/2308.06534")]
    [InlineData("hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001")]
    [InlineData("t-0123456789abcdef", null)]
    public void ArxivUrl_PaperId_LinksOnlyArxivIds(string paperId, string? expected)
    {
        Assert.Equal(expected, PaperLinks.ArxivUrl(paperId));
    }

    [Fact]
    public void Build_NoEvidence_IsAnEmbedWithoutSources()
    {
        var embed = AnswerMessages.Build("bread?", NoEvidenceAnswer.Create("bread?", "extractive")).Single().Embeds!.Single();

        Assert.Null(embed.Fields);
        Assert.StartsWith("I found nothing in the collection", embed.Description, StringComparison.Ordinal);
        Assert.Equal(EmbedColors.NoEvidence, embed.Color);
    }

    [Fact]
    public void Pack_ElevenSmallEmbeds_StartsASecondMessageAtTheTenthEmbed()
    {
        var embeds = Enumerable.Range(0, 11).Select(i => new Embed(Description: "d" + i)).ToArray();

        var messages = MessagePacker.Pack(embeds);

        Assert.Equal([10, 1], messages.Select(m => m.Embeds!.Count));
    }

    [Fact]
    public void Pack_TwoEmbedsOver6000Together_GoToTwoMessages()
    {
        // 4,000 + 2,001 = 6,001 > 6,000 characters per message.
        var messages = MessagePacker.Pack([new Embed(Description: new string('a', 4_000)), new Embed(Description: new string('b', 2_001))]);

        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public void Compose_TwentySixFields_SpillIntoASecondEmbed()
    {
        var fields = Enumerable.Range(1, 26).Select(i => new EmbedField("f" + i, "v")).ToArray();

        var embeds = EmbedComposer.Compose(new EmbedCard("t", "d", fields, "footer"));

        Assert.Equal([25, 1], embeds.Select(e => e.Fields!.Count));
        Assert.Null(embeds[0].Footer);
        Assert.Equal("footer", embeds[1].Footer!.Text);
    }

    [Fact]
    public void Serialize_Message_HasEmptyParseListAndNoNulls()
    {
        var json = JsonSerializer.Serialize(new DiscordMessage("hi @everyone"), DiscordJsonContext.Default.DiscordMessage);

        Assert.Equal("""{"content":"hi @everyone","allowed_mentions":{"parse":[]}}""", json);
    }

    private static JsonNode Json(DiscordMessage message) =>
        JsonNode.Parse(JsonSerializer.Serialize(message, DiscordJsonContext.Default.DiscordMessage))!;
}
