using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

public sealed class BibTexPaperReaderTests : IDisposable
{
    private readonly TempCollection _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_BracedEntryWithNestedBraces_TitleCleanedAndArxivId()
    {
        var path = _folder.Write("refs.bib", """
            % a comment line with an address: someone@example.org
            @article{vaswani2017,
              title = {Attention Is All You Need: {BERT} and {T}ransformers for {\"U}ber-{NLP}},
              author = {Vaswani, Ashish and Shazeer, Noam and others},
              abstract = {The dominant {sequence transduction} models are based on
                          complex recurrent networks.},
              year = 2023, month = jun,
              eprint = {2401.12345v2},
            }
            """);

        var paper = Assert.Single(await new BibTexPaperReader().ReadAsync(path).ToListAsync()).Paper!;

        Assert.Equal("Attention Is All You Need: BERT and Transformers for Über-NLP", paper.Title);
        Assert.Equal("The dominant sequence transduction models are based on complex recurrent networks.", paper.Abstract);
        Assert.Equal(["Ashish Vaswani", "Noam Shazeer"], paper.Authors);
        Assert.Equal(new DateOnly(2023, 6, 1), paper.Published);
        Assert.Equal(("2401.12345", "2401.12345", "refs.bib"), (paper.Id, paper.ArxivId, paper.Source));
    }

    [Fact]
    public async Task ReadAsync_EntriesLongerThanTheReadBlock_ReadWholeWithTheirLines()
    {
        // Abstracts of 40,000 characters: each entry spans several of the reader's 16 K blocks, and its tokens cross them.
        var longAbstract = string.Join(' ', Enumerable.Repeat("transformers attend to tokens", 1_400));
        var entries = Enumerable.Range(0, 30).Select(i => $$"""
            @article{key{{i}},
              title = {Paper number {{i}}},
              abstract = {{{longAbstract}}},
              year = 2024,
            }
            """);
        var path = _folder.Write("long.bib", string.Join("\n", entries));

        var results = await new BibTexPaperReader().ReadAsync(path).ToListAsync();

        Assert.Equal(30, results.Count);
        Assert.All(results, r => Assert.Equal(longAbstract, r.Paper!.Abstract));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"Paper number {i}"), results.Select(r => r.Paper!.Title));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => 1 + (i * 5)), results.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadAsync_QuotedValuesParenthesesAndConcatenation_Read()
    {
        var path = _folder.Write("refs.bib", """
            @String{conf = "NeurIPS"}
            @Comment{ ignored {nested} text }
            @preamble{"\newcommand{\x}{y}"}
            @InProceedings(smith2020,
              TITLE = "Quoted {Title} with " # "a concatenation",
              Abstract = "An abstract with a {"}quote{"} inside.",
              Author = "{Barnes and Noble} and Jane Smith",
              year = "2020"
            )
            """);

        var paper = Assert.Single(await new BibTexPaperReader().ReadAsync(path).ToListAsync()).Paper!;

        Assert.Equal("Quoted Title with a concatenation", paper.Title);
        Assert.Equal("An abstract with a \"quote\" inside.", paper.Abstract);
        Assert.Equal(["Barnes and Noble", "Jane Smith"], paper.Authors);
        Assert.Equal(new DateOnly(2020, 1, 1), paper.Published);
        Assert.Equal(PaperIds.FromTitle(paper.Title), paper.Id);
    }

    [Fact]
    public async Task ReadAsync_EntryWithoutAbstract_DiagnosticAndNextEntryRead()
    {
        var path = _folder.Write("refs.bib", """
            @article{first, title = {Has Abstract}, abstract = {Yes.}}

            @article{second,
              title = {No Abstract Here}
            }
            @misc{third, title = {Also Fine}, abstract = {Fine.}, doi = {10.48550/arXiv.2301.00042}}
            """);

        var results = await new BibTexPaperReader().ReadAsync(path).ToListAsync();

        Assert.Equal(["Has Abstract", null, "Also Fine"], results.Select(r => r.Paper?.Title));
        Assert.Equal(3, results[1].Skipped!.Line);
        Assert.Contains("\"second\" has no abstract", results[1].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Equal("2301.00042", results[2].Paper!.Id);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedEntry_DiagnosticNamesStartLineAndReadingEnds()
    {
        var path = _folder.Write("refs.bib", """
            @article{ok, title = {Fine}, abstract = {Fine.}}
            @article{broken,
              title = {Never {closed,
              abstract = {Swallowed.}}
            @article{late, title = {Late}, abstract = {Late.}}
            """);

        var results = await new BibTexPaperReader().ReadAsync(path).ToListAsync();

        Assert.Equal(2, results.Count);
        Assert.Equal("Fine", results[0].Paper!.Title);
        Assert.Equal(2, results[1].Skipped!.Line);
        Assert.Contains("line 2", results[1].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Contains("never closed", results[1].Skipped!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingClosingBraceBeforeNextEntry_DiagnosticAndNextEntryRead()
    {
        var path = _folder.Write("refs.bib", """
            @article{open, title = {Open}, abstract = {Open.},
            @article{next, title = {Next}, abstract = {Next.}}
            """);

        var results = await new BibTexPaperReader().ReadAsync(path).ToListAsync();

        Assert.Equal([null, "Next"], results.Select(r => r.Paper?.Title));
        Assert.Equal(1, results[0].Skipped!.Line);
    }

    [Fact]
    public async Task ReadAsync_MalformedField_DiagnosticAndNextEntryRead()
    {
        var path = _folder.Write("refs.bib", """
            @article{bad, title {No equals sign}, abstract = {x}}
            @article{good, title = {Good}, abstract = {Good.}, month = {September}, year = {2019}}
            """);

        var results = await new BibTexPaperReader().ReadAsync(path).ToListAsync();

        Assert.Contains("'=' expected", results[0].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2019, 9, 1), results[1].Paper!.Published);
    }

    [Theory]
    [InlineData("@article{x,", true)]
    [InlineData("% comment\n\n  @misc{x,", true)]
    [InlineData("{\"title\":1}", false)]
    [InlineData("Title line\nabstract", false)]
    [InlineData("% only a comment", false)]
    public void CanRead_FirstContentLine_DecidesBibTex(string head, bool expected)
    {
        Assert.Equal(expected, new BibTexPaperReader().CanRead("refs.txt", head));
    }
}
