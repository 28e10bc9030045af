using RagPapers.Discord.Rest;
using RagPapers.Papers;
using RagPapers.Text;

namespace RagPapers.Discord.Rendering;

/// <summary>One paper in full (for /paper): title linked to arXiv when possible, the abstract, authors, date, source, id.</summary>
internal static class PaperMessages
{
    public static IReadOnlyList<DiscordMessage> Build(Paper paper)
    {
        var fields = new List<EmbedField>();
        if (paper.Authors.Count > 0)
        {
            fields.Add(new EmbedField("Authors", DiscordMarkdown.Escape(string.Join(", ", paper.Authors))));
        }

        fields.Add(new EmbedField("Published", PaperLinks.Date(paper.Published), Inline: true));
        fields.Add(new EmbedField("Source", DiscordMarkdown.Escape(paper.Source), Inline: true));
        fields.Add(new EmbedField("Id", $"`{paper.Id}`", Inline: true));
        var card = new EmbedCard(
            DiscordMarkdown.Escape(DisplayText.Clean(paper.Title)),
            DiscordMarkdown.Escape(DisplayText.Clean(paper.Abstract)),
            fields,
            $"/similar paper:{paper.Id} finds papers like this one",
            PaperLinks.ArxivUrl(paper.Id),
            EmbedColors.Papers);
        return MessagePacker.Pack(EmbedComposer.Compose(card));
    }
}
