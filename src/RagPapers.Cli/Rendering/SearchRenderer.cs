using System.Globalization;
using RagPapers.Retrieval;

namespace RagPapers.Cli.Rendering;

internal static class SearchRenderer
{
    public static void Write(TextWriter output, RetrievalResult result)
    {
        AnswerRenderer.WriteSearchedFor(output, result.SearchedFor);
        if (result.Papers.Count == 0)
        {
            output.WriteLine("No matching papers.");
            return;
        }

        if (!result.HasRelevantEvidence)
        {
            output.WriteLine("(weak matches only: nothing in the collection looks relevant)");
        }

        WritePapers(output, result.Papers);
    }

    public static void WritePapers(TextWriter output, IReadOnlyList<RetrievedPaper> papers)
    {
        for (var i = 0; i < papers.Count; i++)
        {
            var hit = papers[i];
            output.WriteLine($"{i + 1}. {hit.Paper.Title} ({AnswerRenderer.Date(hit.Paper.Published)})");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   id {hit.Paper.Id} · {hit.Paper.Source} · relevance {hit.Relevance:0.00}"));
            if (hit.Passages.Count > 0)
            {
                output.WriteLine($"   \"{Shorten(hit.Passages[0].Text, 240)}\"");
            }
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
