using RagPapers.Papers;

namespace RagPapers.Cli.Rendering;

internal static class PaperRenderer
{
    public static void Write(TextWriter output, Paper paper)
    {
        output.WriteLine(paper.Title);
        if (paper.Authors.Count > 0)
        {
            output.WriteLine(string.Join(", ", paper.Authors));
        }

        output.WriteLine($"{AnswerRenderer.Date(paper.Published)} · {paper.Source} · id {paper.Id}");
        if (paper.ArxivId is { Length: > 0 } arxiv)
        {
            output.WriteLine($"https://arxiv.org/abs/{arxiv}");
        }

        output.WriteLine();
        output.WriteLine(paper.Abstract);
    }
}
