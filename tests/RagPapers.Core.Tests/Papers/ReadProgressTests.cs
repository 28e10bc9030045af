using System.Text;
using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

/// <summary>How far reading got, in bytes: what ingest progress and its ETA are computed from, without counting records first.</summary>
public sealed class ReadProgressTests : IDisposable
{
    private readonly TempCollection _folder = new();
    private readonly CollectionReader _sut = new(CollectionReader.DefaultReaders());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_JsonLinesOverSeveralBuffers_BytesGrowToTheFileSize()
    {
        var file = _folder.Write("big.jsonl", JsonLines(3_000)); // several times the 64 KB read buffer

        var bytes = (await _sut.ReadAsync([file]).ToListAsync()).Select(r => r.BytesRead).ToList();

        Assert.Equal(3_000, bytes.Count);
        Assert.Equal(bytes.Order(), bytes); // never goes back
        Assert.True(bytes.Distinct().Count() > 3, "progress moves while the file is read, not only at its end");
        Assert.True(bytes[0] < new FileInfo(file).Length);
        Assert.Equal(new FileInfo(file).Length, bytes[^1]);
    }

    [Fact]
    public async Task ReadAsync_EveryFormatAndAnUnreadableFile_BytesCountTheWholeRun()
    {
        var files = new[]
        {
            _folder.Write("1.jsonl", JsonLines(3)),
            _folder.WriteBytes("2.bin", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]),
            _folder.Write("3.bib", "@article{a, title = {One}, abstract = {First.}}\n@article{b, title = {Two}, abstract = {Second.}}\n"),
            Path.Combine(TestPaths.PapersDir, "000_709504441228b74f.txt"),
        };
        var total = CollectionReader.TotalBytes(files);

        var results = await _sut.ReadAsync(files).ToListAsync();

        Assert.Equal(files.Sum(f => new FileInfo(f).Length), total);
        Assert.Equal(results.Select(r => r.BytesRead).Order(), results.Select(r => r.BytesRead));
        var afterFirstTwo = new FileInfo(files[0]).Length + new FileInfo(files[1]).Length;
        Assert.Equal(afterFirstTwo, results.Single(r => r.Skipped?.File == "2.bin").BytesRead);
        Assert.Equal(afterFirstTwo + new FileInfo(files[2]).Length, results.Last(r => r.Paper?.Source == "3.bib").BytesRead);
        Assert.Equal(total, results[^1].BytesRead);
    }

    [Fact]
    public void TotalBytes_MissingFile_CountsNothingForIt()
    {
        var file = _folder.Write("a.jsonl", JsonLines(1));

        Assert.Equal(new FileInfo(file).Length, CollectionReader.TotalBytes([file, Path.Combine(_folder.Folder, "gone.jsonl")]));
    }

    internal static string JsonLines(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("{\"id\":\"2406.").Append(10000 + i).Append("\",\"title\":\"Paper number ").Append(i)
                .Append("\",\"abstract\":\"").Append(string.Join(' ', Enumerable.Repeat($"words of abstract {i}.", 8))).Append("\"}\n");
        }

        return text.ToString();
    }
}
