using System.Globalization;
using RagPapers.Cli.Terminal;
using RagPapers.Retrieval;
using RagPapers.Storage;
using RagPapers.Text;

namespace RagPapers.Cli.Rendering;

internal static class SearchRenderer
{
    private const int MaxPassageLength = 240;

    // Papers shown with "relevance 0.00" share nothing with the query: listing them reads as matches, so they go.
    private const double MinShownRelevance = 0.005;

    public static void Write(ConsoleView output, RetrievalResult result, SearchFilter? filter)
    {
        AnswerRenderer.WriteSearchedFor(output, result.SearchedFor);
        if (result.Notice is { Length: > 0 } notice)
        {
            output.Line($"({notice})", Tone.Notice);
        }

        var shown = result.Papers.Where(p => p.Relevance >= MinShownRelevance).ToArray();
        if (shown.Length == 0 || (filter is { IsEmpty: false } && !result.HasRelevantEvidence))
        {
            output.Line(filter is { IsEmpty: false } ? $"Nothing in that range ({FilterText.Describe(filter)}) matches \u201c{result.Query}\u201d." : "No matching papers.", Tone.Notice);
            return;
        }

        if (!result.HasRelevantEvidence)
        {
            output.Line("(weak matches only: nothing in the collection looks relevant)", Tone.Notice);
        }

        WritePapers(output, shown);
    }

    public static void WritePapers(ConsoleView output, IReadOnlyList<RetrievedPaper> papers)
    {
        for (var i = 0; i < papers.Count; i++)
        {
            var hit = papers[i];
            output.Line(
                [new($"{i + 1}. ", Tone.Citation), new(DisplayText.Clean(hit.Paper.Title), Tone.Title), new($" ({AnswerRenderer.Date(hit.Paper.Published)})", Tone.Muted)],
                indent: 0,
                hangingIndent: 3);
            output.Line([new(string.Create(CultureInfo.InvariantCulture, $"id {hit.Paper.Id} · {hit.Paper.Source} · relevance {hit.Relevance:0.00}"), Tone.Muted)], indent: 3, hangingIndent: 3);
            if (hit.Passages.Count > 0)
            {
                output.Line([$"\"{Shorten(DisplayText.Clean(hit.Passages[0].Text), MaxPassageLength)}\""], indent: 3, hangingIndent: 4);
            }
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
