using RagPapers.Cli.Terminal;
using RagPapers.Papers;
using RagPapers.Text;

namespace RagPapers.Cli.Rendering;

internal static class PaperRenderer
{
    public static void Write(ConsoleView output, Paper paper)
    {
        output.Line(DisplayText.Clean(paper.Title), Tone.Title);
        if (paper.Authors.Count > 0)
        {
            output.Line(string.Join(", ", paper.Authors.Select(DisplayText.Clean)));
        }

        output.Line($"{AnswerRenderer.Date(paper.Published)} · {paper.Source} · id {paper.Id}", Tone.Muted);
        if (paper.ArxivId is { Length: > 0 } arxiv)
        {
            output.Line($"https://arxiv.org/abs/{arxiv}", Tone.Muted);
        }

        output.Line();
        output.Line(DisplayText.Clean(paper.Abstract));
    }
}
