using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

/// <summary>The daily-papers reader on small hand-made dumps, for the layouts the bundled files do not cover.</summary>
public sealed class DailyPapersTextReaderTests : IDisposable
{
    private const string LongAbstract =
        "We study a problem that matters a great deal for retrieval systems and show, with careful experiments on several "
        + "benchmarks, that a simple contrastive objective matches far more complex methods while training faster. We "
        + "analyse why this happens and release code so that others can reproduce every number reported in this paper.";

    private readonly TempCollection _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_TitleWithoutAbstract_DiagnosticAtTitleLineAndNeighboursRead()
    {
        var path = _folder.Write("dump.txt", $"First Paper\n{LongAbstract}\nOrphan Title\nThird Paper\n{LongAbstract}\n");

        var results = await new DailyPapersTextReader().ReadAsync(path).ToListAsync();

        Assert.Equal(["First Paper", null, "Third Paper"], results.Select(r => r.Paper?.Title));
        var skipped = results[1].Skipped!;
        Assert.Equal(new ReadDiagnostic("dump.txt", 3, skipped.Reason), skipped);
        Assert.Contains("Orphan Title", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ShortAbstractThatIsASentence_Read()
    {
        const string ShortAbstract = "We show that a tiny model solves the task with a single layer.";
        var path = _folder.Write("dump.txt", $"Tiny Models Suffice\n\n{ShortAbstract}\n\nNext Paper\n\n{LongAbstract}\n");

        var papers = (await new DailyPapersTextReader().ReadAsync(path).ToListAsync()).Select(r => r.Paper!).ToList();

        Assert.Equal(ShortAbstract, papers[0].Abstract);
        Assert.Equal("Next Paper", papers[1].Title);
    }

    [Fact]
    public async Task ReadAsync_ChromeGluedToTitle_ChromeStripped()
    {
        var path = _folder.Write("dump.txt", $"new\nGet trending papers in your email inbox!\n\nSubscribeGlued Title Here\n{LongAbstract}\n");

        var result = Assert.Single(await new DailyPapersTextReader().ReadAsync(path).ToListAsync());

        Assert.Equal("Glued Title Here", result.Paper!.Title);
        Assert.Equal(PaperIds.FromTitle("Glued Title Here"), result.Paper.Id);
    }

    [Fact]
    public async Task ReadAsync_TwoAbstractLinesInARow_JoinedIntoOneAbstract()
    {
        var path = _folder.Write("dump.txt", $"Two Paragraphs\n{LongAbstract}\n{LongAbstract}\n");

        var paper = Assert.Single(await new DailyPapersTextReader().ReadAsync(path).ToListAsync()).Paper!;

        Assert.Equal(LongAbstract + " " + LongAbstract, paper.Abstract);
    }

    [Fact]
    public async Task ReadAsync_AbstractBeforeAnyTitle_Diagnostic()
    {
        var path = _folder.Write("dump.txt", $"Mar 17\n{LongAbstract}\nA Title\n{LongAbstract}\n");

        var results = await new DailyPapersTextReader().ReadAsync(path).ToListAsync();

        Assert.Equal(2, results[0].Skipped!.Line);
        Assert.Equal("A Title", results[1].Paper!.Title);
        Assert.Null(results[1].Paper!.Published);
    }

    [Fact]
    public async Task ReadAsync_CrLfAndTrailingMetadata_DateAttachesToItsPaper()
    {
        var path = _folder.Write("dump.txt", $"Dated Paper\r\n\r\n{LongAbstract}\r\n\r\n  • 3 authors\r\n·\r\nJan 5, 2024 12\r\n\r\nUndated Paper\r\n{LongAbstract}\r\n");

        var papers = (await new DailyPapersTextReader().ReadAsync(path).ToListAsync()).Select(r => r.Paper!).ToList();

        Assert.Equal(new DateOnly(2024, 1, 5), papers[0].Published);
        Assert.Null(papers[1].Published);
        Assert.Equal(LongAbstract, papers[0].Abstract);
    }

    [Fact]
    public async Task ReadAsync_LastTitleWithoutAbstract_DiagnosticAtEnd()
    {
        var path = _folder.Write("dump.txt", $"A Paper\n{LongAbstract}\nDangling Title");

        var results = await new DailyPapersTextReader().ReadAsync(path).ToListAsync();

        Assert.Equal("A Paper", results[0].Paper!.Title);
        Assert.Equal(3, results[1].Skipped!.Line);
    }

    [Theory]
    [InlineData("{\"title\": \"x\"}")]
    [InlineData("@article{x, title={y}}")]
    [InlineData("just a short note\nwith short lines\n")]
    [InlineData("")]
    public void CanRead_NotADump_False(string head)
    {
        Assert.False(new DailyPapersTextReader().CanRead("file.txt", head));
    }

    [Fact]
    public void CanRead_TitleThenAbstractWithoutChrome_True()
    {
        Assert.True(new DailyPapersTextReader().CanRead("file.txt", $"A Title\n\n{LongAbstract}\n"));
    }
}
