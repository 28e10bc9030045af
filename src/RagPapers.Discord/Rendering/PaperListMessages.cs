using System.Globalization;
using RagPapers.Discord.Rest;
using RagPapers.Retrieval;
using RagPapers.Text;

namespace RagPapers.Discord.Rendering;

/// <summary>Ranked papers (for /search and /similar): one field each with date, link, relevance, id and the best passage.</summary>
internal static class PaperListMessages
{
    private const int PassageLength = 300;

    public static IReadOnlyList<DiscordMessage> Build(string title, IReadOnlyList<RetrievedPaper> papers, string description, string footer)
    {
        var fields = papers.Select((hit, i) => Field(i + 1, hit)).ToArray();
        var card = new EmbedCard(title, description, fields, footer, Color: EmbedColors.Papers);
        return MessagePacker.Pack(EmbedComposer.Compose(card));
    }

    private static EmbedField Field(int rank, RetrievedPaper hit)
    {
        var paper = hit.Paper;
        var name = TextFitter.Truncate($"{rank}. {DiscordMarkdown.Escape(DisplayText.Clean(paper.Title))}", DiscordLimits.FieldName);
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"{PaperLinks.Date(paper.Published)} · {PaperLinks.Where(paper.Id, paper.Source)} · relevance {hit.Relevance:0.00} · id `{paper.Id}`");
        var passage = hit.Passages.Count == 0
            ? ""
            : "\n> " + TextFitter.Truncate(DiscordMarkdown.Escape(DisplayText.Clean(hit.Passages[0].Text)), PassageLength);
        return new EmbedField(name, head + passage);
    }
}
