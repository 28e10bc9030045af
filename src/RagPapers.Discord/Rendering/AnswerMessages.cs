using RagPapers.Answering.Contracts;
using RagPapers.Discord.Rest;
using RagPapers.Text;

namespace RagPapers.Discord.Rendering;

/// <summary>An answer as Discord messages: the text with its [n] markers, then one field per source (title, date, link, quote).</summary>
internal static class AnswerMessages
{
    public static IReadOnlyList<DiscordMessage> Build(string question, Answer answer)
    {
        if (answer.Status == AnswerStatus.Cancelled)
        {
            return NoticeMessages.Cancelled;
        }

        var card = new EmbedCard(
            DiscordMarkdown.Escape(question),
            SearchedForLine(answer.SearchedFor) + DiscordMarkdown.Escape(DisplayText.Clean(answer.Text)),
            answer.Citations.Select(SourceField).ToArray(),
            Footer(answer),
            Color: answer.Status == AnswerStatus.Answered ? EmbedColors.Answer : EmbedColors.NoEvidence);
        return MessagePacker.Pack(EmbedComposer.Compose(card));
    }

    /// <summary>"*searched for: …*" and a blank line when spelling correction changed the question, else nothing.</summary>
    public static string SearchedForLine(string? searchedFor) =>
        searchedFor is { Length: > 0 } ? $"*searched for: {DiscordMarkdown.Escape(searchedFor)}*\n\n" : "";

    private static EmbedField SourceField(Citation citation)
    {
        var name = TextFitter.Truncate($"[{citation.N}] {DiscordMarkdown.Escape(DisplayText.Clean(citation.Title))}", DiscordLimits.FieldName);
        var head = $"{PaperLinks.Date(citation.Date)} · {PaperLinks.Where(citation.PaperId, citation.Source)}";
        var quote = citation.Quote.Length == 0
            ? ""
            : "\n> " + TextFitter.Truncate(DiscordMarkdown.Escape(DisplayText.Clean(citation.Quote)), DiscordLimits.FieldValue - head.Length - 3);
        return new EmbedField(name, head + quote);
    }

    private static string Footer(Answer answer)
    {
        var sources = answer.Citations.Count == 1 ? "1 source" : $"{answer.Citations.Count} sources";
        var footer = $"{answer.Writer} answer · {sources} · follow-up /ask questions in this channel keep the context";
        return answer.Notice is { Length: > 0 } notice ? notice + " · " + footer : footer;
    }
}
