using RagPapers.Papers;

namespace RagPapers.Cli.Rendering;

internal static class PaperRenderer
{
    public static void Write(TextWriter output, Paper paper)
    {
        output.WriteLine(TerminalText.Safe(paper.Title));
        if (paper.Authors.Count > 0)
        {
            output.WriteLine(TerminalText.Safe(string.Join(", ", paper.Authors)));
        }

        output.WriteLine(TerminalText.Safe($"{AnswerRenderer.Date(paper.Published)} · {paper.Source} · id {paper.Id}"));
        if (paper.ArxivId is { Length: > 0 } arxiv)
        {
            output.WriteLine(TerminalText.Safe($"https://arxiv.org/abs/{arxiv}"));
        }

        output.WriteLine();
        output.WriteLine(TerminalText.Safe(paper.Abstract));
    }
}
