using RagPapers.Cli.Rendering;
using RagPapers.Cli.Terminal;

namespace RagPapers.Cli.Tests.Rendering;

public sealed class ConsoleViewTests
{
    private const string Title = "Proximal Policy Optimization Algorithms for reinforcement learning with clipped surrogate objectives";

    [Fact]
    public void Line_NarrowTerminal_WrapsAtWordsWithTheHangingIndent()
    {
        var output = new StringWriter();
        var sut = new ConsoleView(output, width: 40, colour: false);

        sut.Line([new("[1]", Tone.Citation), " ", new(Title, Tone.Title)], indent: 2, hangingIndent: 6);

        var lines = Lines(output);
        Assert.True(lines.Length > 2, output.ToString());
        Assert.All(lines, line => Assert.True(line.Length <= 40, $"too wide: '{line}'"));
        Assert.All(lines, line => Assert.False(line.EndsWith(' '), $"trailing space: '{line}'"));
        Assert.StartsWith("  [1] Proximal", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("      ", line, StringComparison.Ordinal));
        var words = string.Join(' ', lines.Select(l => l.Trim()));
        Assert.Equal("[1] " + Title, words); // no word cut in two ("Optimi / zation")
    }

    [Fact]
    public void Line_WordLongerThanTheLine_CutToFit()
    {
        var output = new StringWriter();
        var sut = new ConsoleView(output, width: 12, colour: false);

        sut.Line([new string('x', 30)], indent: 0, hangingIndent: 2);

        Assert.All(Lines(output), line => Assert.True(line.Length <= 12, line));
        Assert.Equal(new string('x', 30), string.Concat(Lines(output).Select(l => l.Trim())));
    }

    [Fact]
    public void Line_Redirected_OneLineWithoutEscapes()
    {
        var output = new StringWriter();
        var sut = new ConsoleView(output, width: null, colour: false);

        sut.Line([new("[1]", Tone.Citation), " ", new(Title, Tone.Title)], indent: 2, hangingIndent: 6);

        Assert.Equal("  [1] " + Title + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Line_Colour_TonesBecomeAnsiStyles()
    {
        var output = new StringWriter();
        var sut = new ConsoleView(output, width: 80, colour: true);

        sut.Line([new("[1]", Tone.Citation), " ", new("HuBERT", Tone.Title)]);

        Assert.Contains("\u001b[", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("HuBERT", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_DeltasSplittingWords_WrappedAtWordBoundaries()
    {
        var output = new StringWriter();
        var sut = new ConsoleView(output, width: 20, colour: false);

        foreach (var delta in new[] { "Barlow T", "wins avoids coll", "apse by measuring the cross", "-correlation [1]." })
        {
            sut.Stream(delta);
        }

        sut.EndStream();

        var lines = Lines(output);
        Assert.All(lines, line => Assert.True(line.Length <= 20, line));
        Assert.Equal("Barlow Twins avoids collapse by measuring the cross-correlation [1].", string.Join(' ', lines));
    }

    [Fact]
    public void AnswerRendererWrite_LatexInQuotesAndTitles_PlainText()
    {
        var output = new StringWriter();
        var answer = new RagPapers.Answering.Contracts.Answer(
            RagPapers.Answering.Contracts.AnswerStatus.Answered,
            "wav2vec 2.0 — it shows 5% gains [1]",
            [new RagPapers.Answering.Contracts.Citation(1, "p1", "$\\mathcal{B}$-Coder", null, "f.txt", @"shows~5\% to~10\% gains {\it without} labels", 0.9)],
            "extractive");

        AnswerRenderer.Write(new ConsoleView(output, width: null, colour: false), answer);

        Assert.Contains("[1] B-Coder (undated)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"shows 5% to 10% gains without labels\"", output.ToString(), StringComparison.Ordinal);
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
