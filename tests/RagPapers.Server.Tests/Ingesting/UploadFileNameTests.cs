using RagPapers.Server.Ingesting;

namespace RagPapers.Server.Tests.Ingesting;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("papers.jsonl", null, "papers.jsonl")]
    [InlineData("refs_2024-v2.bib", "text/plain", "refs_2024-v2.bib")]
    [InlineData(null, "application/x-ndjson", "upload.jsonl")]
    [InlineData("", "application/x-bibtex; charset=utf-8", "upload.bib")]
    [InlineData(null, null, "upload.txt")]
    public void From_PlainOrMissingName_IsUsable(string? name, string? contentType, string expected) =>
        Assert.Equal(expected, UploadFileName.From(name, contentType));

    [Theory]
    [InlineData("../x.txt")]
    [InlineData("a/b.txt")]
    [InlineData("a\\b.txt")]
    [InlineData(".env")]
    [InlineData("a..b")]
    [InlineData("name with space.txt")]
    [InlineData("ünïcode.txt")]
    public void From_AnythingButAPlainFileName_IsRefused(string name) =>
        Assert.Null(UploadFileName.From(name, "text/plain"));

    [Fact]
    public void From_OverAHundredCharacters_IsRefused() =>
        Assert.Null(UploadFileName.From(new string('a', 101), null));
}
