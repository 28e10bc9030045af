using System.Text;
using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

/// <summary>Records an attacker or an unlucky export would produce: each is skipped or cleaned, and the good ones around it are read.</summary>
public sealed class HostileRecordTests : IDisposable
{
    private const string Good1 = """{"id":"2401.00001","title":"First Good Paper","abstract":"A good abstract about graphs."}""";
    private const string Good2 = """{"id":"2401.00003","title":"Second Good Paper","abstract":"Another good abstract about robots."}""";

    private readonly TempCollection _folder = new();
    private readonly CollectionReader _sut = new(CollectionReader.DefaultReaders(maxRecordChars: 1_000), maxRecordChars: 1_000);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_LoneSurrogateEscape_RecordSkippedWithLineAndOthersRead()
    {
        _folder.Write("a.jsonl", Good1 + "\n" + """{"id":"2401.00002","title":"Bad \ud800 paper","abstract":"An abstract."}""" + "\n" + Good2 + "\n");

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal(["First Good Paper", null, "Second Good Paper"], results.Select(r => r.Paper?.Title));
        Assert.Equal(("a.jsonl", 2), (results[1].Skipped!.File, results[1].Skipped!.Line));
        Assert.Contains("lone surrogate", results[1].Skipped!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InTheFirstLine_OnlyThatRecordSkipped()
    {
        var bad = Encoding.UTF8.GetBytes("""{"id":"2401.00002","title":"Bad X paper","abstract":"An abstract."}""");
        bad[bad.AsSpan().IndexOf((byte)'X')] = 0xC3; // a lead byte without its continuation
        _folder.WriteBytes("a.jsonl", [.. bad, (byte)'\n', .. Encoding.UTF8.GetBytes(Good1 + "\n")]);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal([null, "First Good Paper"], results.Select(r => r.Paper?.Title));
        Assert.Equal(1, results[0].Skipped!.Line);
        Assert.Contains("not valid UTF-8", results[0].Skipped!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8PastTheHead_RecordSkippedNotStoredWithReplacementCharacters()
    {
        var padding = string.Concat(Enumerable.Range(0, 100).Select(i => $$"""{"id":"2401.{{i + 10000}}","title":"Paper {{i}}","abstract":"Abstract number {{i}} about graphs."}""" + "\n"));
        var bad = Encoding.UTF8.GetBytes("""{"id":"2402.00002","title":"Late X paper","abstract":"An abstract."}""");
        bad[bad.AsSpan().IndexOf((byte)'X')] = 0xFF;
        _folder.WriteBytes("late.jsonl", [.. Encoding.UTF8.GetBytes(padding), .. bad, (byte)'\n']);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal(100, results.Count(r => r.Paper is not null));
        Assert.DoesNotContain(results, r => r.Paper?.Title.Contains('\uFFFD', StringComparison.Ordinal) == true);
        Assert.Equal(101, Assert.Single(results, r => r.Skipped is not null).Skipped!.Line);
    }

    [Fact]
    public async Task ReadAsync_TerminalControlCodesInText_RemovedAndWhitespaceNormalised()
    {
        _folder.Write("ctl.jsonl", """{"id":"2401.00009","title":"Owned\u001b]0;owned\u0007 Title","abstract":"Clear\u001b[2J the\tscreen\u009b31m now.","authors":"Eve\u0000 Mallory"}""" + "\n");

        var paper = Assert.Single(await _sut.ReadAsync([_folder.Folder]).ToListAsync()).Paper!;

        Assert.Equal("Owned]0;owned Title", paper.Title);
        Assert.Equal("Clear[2J the screen31m now.", paper.Abstract);
        Assert.Equal(["Eve Mallory"], paper.Authors);
    }

    [Fact]
    public async Task ReadAsync_RecordOverTheLimit_SkippedWithTheLimitNamed()
    {
        var huge = new string('w', 1_200);
        _folder.Write("big.jsonl", $$"""{"id":"2401.00005","title":"Huge","abstract":"{{huge}}"}""" + "\n" + Good1 + "\n");

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal([null, "First Good Paper"], results.Select(r => r.Paper?.Title));
        Assert.Contains("Ingestion:MaxRecordChars", results[0].Skipped!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LineOverTenTimesTheLimit_SkippedUnparsed()
    {
        _folder.Write("long.jsonl", "{\"junk\":\"" + new string('x', 20_000) + "\"}\n" + Good1 + "\n");

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal([null, "First Good Paper"], results.Select(r => r.Paper?.Title));
        Assert.Contains("the line is 20011 characters", results[0].Skipped!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BibTexEntryWithInvalidUtf8_SkippedAtItsLine()
    {
        var bad = Encoding.UTF8.GetBytes("@article{a, title = {Good}, abstract = {Fine text.}}\n\n@article{b, title = {Bad X}, abstract = {Text.}}\n");
        bad[bad.AsSpan().IndexOf((byte)'X')] = 0xFE;
        _folder.WriteBytes("refs.bib", bad);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal(["Good", null], results.Select(r => r.Paper?.Title));
        Assert.Equal(3, results[1].Skipped!.Line);
    }

    [Theory]
    [InlineData("[{\"id\":\"2401.00008\"}]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("deep")] // 10,000 nested arrays: the first line alone is longer than the 8 KB head
    public async Task ReadAsync_FirstLineAnotherJsonValue_FileStillReadAsJsonLines(string firstLine)
    {
        firstLine = firstLine == "deep" ? new string('[', 10_000) + new string(']', 10_000) : firstLine;
        _folder.Write("m.txt", firstLine + "\n" + Good1 + "\n");

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal([null, "First Good Paper"], results.Select(r => r.Paper?.Title));
        Assert.Equal(1, results[0].Skipped!.Line);
    }

    [Fact]
    public async Task ReadAsync_Utf16WithBom_ReadNotTakenForBinary()
    {
        _folder.WriteBytes("utf16.jsonl", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Good1 + "\n")]);

        var paper = Assert.Single(await _sut.ReadAsync([_folder.Folder]).ToListAsync()).Paper;

        Assert.Equal("First Good Paper", paper?.Title);
    }
}
