using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

public sealed class CollectionReaderTests : IDisposable
{
    private const string JsonLine = """{"id":"2406.01234","title":"A JSON Paper","abstract":"Read from JSON Lines."}""";
    private const string BibEntry = "@article{k, title = {A BibTeX Paper}, abstract = {Read from BibTeX.}}";

    private readonly TempCollection _folder = new();
    private readonly CollectionReader _sut = new(CollectionReader.DefaultReaders());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_BundledFolder_AllPapersNoDiagnostics()
    {
        var results = await _sut.ReadAsync([TestPaths.PapersDir]).ToListAsync();

        Assert.Equal(557, results.Count(r => r.Paper is not null));
        Assert.DoesNotContain(results, r => r.Skipped is not null);
        Assert.Equal("000_709504441228b74f.txt", results[0].Paper!.Source);
    }

    [Fact]
    public async Task ReadAsync_ContentDisagreesWithExtension_ContentWins()
    {
        _folder.Write("a.txt", JsonLine + "\n");
        _folder.Write("b.jsonl", "% exported\n" + BibEntry);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal(["A JSON Paper", "A BibTeX Paper"], results.Select(r => r.Paper?.Title));
    }

    [Fact]
    public async Task ReadAsync_BinaryAndUnknownFiles_OneDiagnosticEachThenNextFileRead()
    {
        _folder.WriteBytes("1.bin", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]);
        _folder.WriteBytes("2.txt", [0x41, 0xC3, 0x28, 0x42]); // invalid UTF-8: C3 must be followed by a continuation byte
        _folder.Write("3.csv", "id,title\n1,short\n");
        _folder.Write("4.jsonl", JsonLine);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal(4, results.Count);
        Assert.Equal(new ReadDiagnostic("1.bin", 0, "binary file, not a paper collection"), results[0].Skipped);
        Assert.Equal("2.txt", results[1].Skipped!.File); // not UTF-8, but no NUL byte: text in no supported format, not "binary"
        Assert.Contains("not UTF-8 text", results[1].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Equal("3.csv", results[2].Skipped!.File);
        Assert.Contains("supported formats: daily-papers, jsonl, bibtex", results[2].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Equal("A JSON Paper", results[3].Paper!.Title);
    }

    [Fact]
    public async Task ReadAsync_MultiByteCharacterCutByHeadLimit_StillText()
    {
        // The second title is padded so that "é" (2 bytes in UTF-8) starts at byte 8191: the 8 KB head cuts it in half.
        var prefix = JsonLine + "\n{\"title\":\"";
        var title = new string('x', 8191 - prefix.Length) + "é";
        var path = _folder.Write("cut.jsonl", prefix + title + "\",\"abstract\":\"Accents survive the cut.\"}\n");

        var results = await _sut.ReadAsync([path]).ToListAsync();

        Assert.Equal(["A JSON Paper", title], results.Select(r => r.Paper?.Title));
    }

    [Fact]
    public async Task ReadAsync_CanceledBeforeStart_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _sut.ReadAsync([TestPaths.PapersDir], cts.Token).ToListAsync());
    }

    [Fact]
    public async Task ReadAsync_CanceledWhileReading_StopsWithCancellation()
    {
        using var cts = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _sut.ReadAsync([TestPaths.PapersDir], cts.Token))
            {
                if (++read == 10)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.InRange(read, 10, 11);
    }

    [Fact]
    public void ExpandPaths_FolderAndFile_SortedSkipsHiddenAndDuplicates()
    {
        var b = _folder.Write("b.txt", "x");
        _folder.Write("a.txt", "x");
        _folder.Write(".hidden", "x");
        Directory.CreateDirectory(Path.Combine(_folder.Folder, "sub"));

        var files = CollectionReader.ExpandPaths([_folder.Folder, b]);

        Assert.Equal(["a.txt", "b.txt"], files.Select(Path.GetFileName));
    }

    [Fact]
    public void ExpandPaths_MissingPath_ThrowsNamingThePath()
    {
        var missing = Path.Combine(_folder.Folder, "nope.jsonl");

        var ex = Assert.Throws<FileNotFoundException>(() => CollectionReader.ExpandPaths([_folder.Folder, missing]));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Equal(missing, ex.FileName);
    }

    [Fact]
    public void Detect_TwoReadersClaimAFile_ExtensionBreaksTheTie()
    {
        var greedy = new FakePaperReader("greedy", (_, _) => true);
        var reader = new CollectionReader([greedy, new JsonLinesPaperReader()]);

        Assert.Equal("jsonl", reader.Detect("x.jsonl", JsonLine)?.Format);
        Assert.Equal("greedy", reader.Detect("x.txt", JsonLine)?.Format);
    }
}
