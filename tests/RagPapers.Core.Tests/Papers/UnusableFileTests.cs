using System.Diagnostics;
using System.Runtime.CompilerServices;
using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

/// <summary>Files that are not regular files, or fail while read: each is one diagnostic, never a hang or a lost run.</summary>
public sealed class UnusableFileTests : IDisposable
{
    private const string JsonLine = """{"id":"2406.01234","title":"A JSON Paper","abstract":"Read from JSON Lines."}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempCollection _folder = new();
    private readonly CollectionReader _sut = new(CollectionReader.DefaultReaders());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_NamedPipeInFolder_SkippedWithReasonWithoutWaitingForAWriter()
    {
        MakeFifo(Path.Combine(_folder.Folder, "1.pipe"));
        _folder.Write("2.jsonl", JsonLine);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync().AsTask().WaitAsync(Patience);

        Assert.Contains("named pipe", results[0].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Equal("A JSON Paper", results[1].Paper!.Title);
    }

    [Fact]
    public async Task ReadAsync_SymbolicLinkLoop_SkippedWithReason()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Folder, "1.jsonl"), Path.Combine(_folder.Folder, "0.jsonl"));
        File.CreateSymbolicLink(Path.Combine(_folder.Folder, "0.jsonl"), Path.Combine(_folder.Folder, "1.jsonl"));
        _folder.Write("2.jsonl", JsonLine);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(3, results.Count);
        Assert.All(results.Take(2), r => Assert.Contains("loop", r.Skipped!.Reason, StringComparison.Ordinal));
        Assert.Equal("A JSON Paper", results[2].Paper!.Title);
    }

    [Fact]
    public async Task ReadAsync_DanglingSymbolicLink_SkippedWithReason()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Folder, "1.jsonl"), Path.Combine(_folder.Folder, "gone.jsonl"));
        _folder.Write("2.jsonl", JsonLine);

        var results = await _sut.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Contains("does not exist", results[0].Skipped!.Reason, StringComparison.Ordinal);
        Assert.Equal("A JSON Paper", results[1].Paper!.Title);
    }

    [Fact]
    public async Task ReadAsync_ReaderFailsMidFile_RecordsBeforeKeptThenOneDiagnosticThenNextFile()
    {
        _folder.Write("1.fail", "failing file");
        _folder.Write("2.jsonl", JsonLine);
        var reader = new CollectionReader([new FailingReader(), new JsonLinesPaperReader()]);

        var results = await reader.ReadAsync([_folder.Folder]).ToListAsync();

        Assert.Equal(["Before the failure", null, "A JSON Paper"], results.Select(r => r.Paper?.Title));
        Assert.Equal(("1.fail", 1), (results[1].Skipped!.File, results[1].Skipped!.Line));
        Assert.Contains("Input/output error", results[1].Skipped!.Reason, StringComparison.Ordinal);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>Reads one record of a ".fail" file, then fails as a disk would.</summary>
    private sealed class FailingReader : IPaperReader
    {
        public string Format => "failing";

        public bool CanRead(string path, string head) => path.EndsWith(".fail", StringComparison.Ordinal);

        public async IAsyncEnumerable<ReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return ReadResult.Read(new Paper("p1", "Before the failure", "An abstract.", [], null, "1.fail"), 1);
            throw new IOException("Input/output error");
        }
    }
}
