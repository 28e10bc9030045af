using RagPapers.Evaluation;

namespace RagPapers.Core.Tests.Evaluation;

public sealed class BeirReadersTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_Corpus_KeepsTheIdVerbatimAndSkipsBadLinesWithTheirLine()
    {
        var path = Write("corpus.jsonl",
            """{"_id": "2406.01234v2", "title": "A  title", "text": "Some text."}""",
            """{"_id": 17, "title": "", "text": "Numeric id, empty title."}""",
            """{"_id": "no text", "title": "x", "text": "y"}""",
            """{"_id": "4", "title": "No text"}""",
            "{broken");

        var results = await new BeirCorpusReader().ReadAsync(path).ToListAsync();

        Assert.Equal(["2406.01234v2", "17"], results.Where(r => r.Paper is not null).Select(r => r.Paper!.Id));
        Assert.Equal("A title", results[0].Paper!.Title);
        Assert.Equal("", results[1].Paper!.Title);
        Assert.Equal([3, 4, 5], results.Where(r => r.Skipped is not null).Select(r => r.Skipped!.Line));
        Assert.Contains("whitespace", results[2].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Contains("\"4\" has no \"text\"", results[3].Skipped!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_QueryWithoutText_ThrowsNamingFileAndLine()
    {
        var path = Write("queries.jsonl", """{"_id": "1", "text": "a claim"}""", """{"_id": "2"}""");

        var error = await Assert.ThrowsAsync<EvaluationInputException>(() => BeirQueriesReader.ReadAsync(path));

        Assert.Contains("queries.jsonl:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DuplicateQueryId_Throws()
    {
        var path = Write("queries.jsonl", """{"_id": "1", "text": "a"}""", """{"_id": "1", "text": "b"}""");

        var error = await Assert.ThrowsAsync<EvaluationInputException>(() => BeirQueriesReader.ReadAsync(path));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_QrelsBeirWithHeaderAndTrecLines_ReadsBothLayouts()
    {
        var path = Write("qrels.tsv", "query-id\tcorpus-id\tscore", "1\t10\t1", "1 0 11 2", "2\t12\t0");

        var sut = await Qrels.ReadAsync(path);

        Assert.Equal(["1"], sut.ScoredQueryIds);
        Assert.Equal(2, sut.For("1")["11"]);
        Assert.Equal(0, sut.For("2")["12"]);
    }

    [Fact]
    public async Task ReadAsync_QrelsWithTwoColumns_ThrowsNamingTheLine()
    {
        var path = Write("qrels.tsv", "1\t10\t1", "2\t12");

        var error = await Assert.ThrowsAsync<EvaluationInputException>(() => Qrels.ReadAsync(path));

        Assert.Contains("qrels.tsv:2: expected 3 (BEIR) or 4 (TREC) columns, found 2", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = _folder.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
