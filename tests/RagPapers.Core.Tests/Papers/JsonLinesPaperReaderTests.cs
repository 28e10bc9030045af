using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

public sealed class JsonLinesPaperReaderTests : IDisposable
{
    // The arXiv metadata snapshot hard-wraps title and abstract and lists authors as one string.
    private const string ArxivLine =
        """{"id":"2406.01234","submitter":"A. Author","authors":"Ada Lovelace, Alan Turing and Grace Hopper","title":"Attention Is\n  Not All You Need","abstract":"  We revisit attention.\nIt is not\n all you need.\n","categories":"cs.LG cs.CL","versions":[{"version":"v1","created":"Mon, 3 Jun 2024 17:59:59 GMT"}],"update_date":"2024-06-05"}""";

    private const string HuggingFaceLine =
        """{"paper":{"id":"2401.00001","title":"Hugging Face Shape","summary":"An abstract from the papers API.","authors":[{"name":"Jane Doe","hidden":false},{"name":"John Roe"}],"publishedAt":"2024-01-02T15:04:05.000Z"},"title":"Hugging Face Shape","numComments":3}""";

    private readonly TempCollection _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_ArxivSnapshotLine_FieldsCleanedAndIdFromArxiv()
    {
        var path = _folder.Write("arxiv.jsonl", ArxivLine + "\n");

        var paper = Assert.Single(await new JsonLinesPaperReader().ReadAsync(path).ToListAsync()).Paper!;

        Assert.Equal(new Paper("2406.01234", "Attention Is Not All You Need", "We revisit attention. It is not all you need.", paper.Authors, new DateOnly(2024, 6, 3), "arxiv.jsonl", "2406.01234"), paper);
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Grace Hopper"], paper.Authors);
    }

    [Fact]
    public async Task ReadAsync_ArxivLineWithoutVersions_UpdateDateIsPublished()
    {
        var path = _folder.Write("arxiv.jsonl", """{"id":"hep-th/9901001v2","title":"Old Style","abstract":"Old ids still work.","authors":"A. B","update_date":"2009-10-31"}""");

        var paper = Assert.Single(await new JsonLinesPaperReader().ReadAsync(path).ToListAsync()).Paper!;

        Assert.Equal("hep-th/9901001", paper.Id);
        Assert.Equal(new DateOnly(2009, 10, 31), paper.Published);
    }

    [Fact]
    public async Task ReadAsync_HuggingFaceLine_PaperWrapperRead()
    {
        var path = _folder.Write("hf.jsonl", HuggingFaceLine);

        var paper = Assert.Single(await new JsonLinesPaperReader().ReadAsync(path).ToListAsync()).Paper!;

        Assert.Equal(("2401.00001", "Hugging Face Shape", "An abstract from the papers API."), (paper.Id, paper.Title, paper.Abstract));
        Assert.Equal(["Jane Doe", "John Roe"], paper.Authors);
        Assert.Equal(new DateOnly(2024, 1, 2), paper.Published);
    }

    [Fact]
    public async Task ReadAsync_UnwrappedFieldsAndNonArxivId_IdFromTitle()
    {
        var path = _folder.Write("hf.jsonl", """{"id":"custom-42","title":"No Wrapper","summary":"Top-level summary.","authors":["Solo Author"]}""");

        var paper = Assert.Single(await new JsonLinesPaperReader().ReadAsync(path).ToListAsync()).Paper!;

        Assert.Equal(PaperIds.FromTitle("No Wrapper"), paper.Id);
        Assert.Null(paper.ArxivId);
        Assert.Equal(["Solo Author"], paper.Authors);
        Assert.Null(paper.Published);
    }

    [Fact]
    public async Task ReadAsync_BadLines_DiagnosticsWithLineNumbersAndRestRead()
    {
        var lines = new[]
        {
            ArxivLine,
            "",
            """{"id":"2406.00002","title":"Broken""",
            """{"id":"2406.00003","abstract":"No title here."}""",
            """{"id":"2406.00004","title":"Empty Abstract","abstract":"   "}""",
            """["not", "an", "object"]""",
            HuggingFaceLine,
        };
        var path = _folder.Write("mixed.jsonl", string.Join("\n", lines));

        var results = await new JsonLinesPaperReader().ReadAsync(path).ToListAsync();

        Assert.Equal(["2406.01234", null, null, null, null, "2401.00001"], results.Select(r => r.Paper?.Id));
        Assert.Equal([3, 4, 5, 6], results.Where(r => r.Skipped is not null).Select(r => r.Skipped!.Line));
        Assert.Contains("broken JSON", results[1].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Contains("no title", results[2].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Contains("Empty Abstract", results[3].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Equal("mixed.jsonl", results[1].Skipped!.File);
    }

    [Theory]
    [InlineData("{\"id\":1}", true)]
    [InlineData("\n\n  {\"id\":1}", true)]
    [InlineData("\uFEFF{\"id\":1}", true)]
    [InlineData("@article{x,}", false)]
    [InlineData("Title\nAbstract", false)]
    [InlineData("", false)]
    public void CanRead_FirstNonBlankCharacter_DecidesJson(string head, bool expected)
    {
        Assert.Equal(expected, new JsonLinesPaperReader().CanRead("any.txt", head));
    }
}
