using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;
using Xunit.Abstractions;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// No rebuild on open: opening a store reads what the first query needs, not what the collection holds. The work is
/// counted, not timed: the pages SQLite reads from the file, with the memory map off so that every page read goes
/// through SQLite's pager and is counted.
/// </summary>
public sealed class SqliteOpenWorkTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenAsync_ThousandAndFiftyThousandPapers_ReadsTheSamePages()
    {
        var small = await BuildAsync("small.db", 1_000);
        var large = await BuildAsync("large.db", 50_000);

        var smallWork = await OpenWorkAsync(small);
        var largeWork = await OpenWorkAsync(large);

        // The semantic index's progress is reported apart, as it belongs to the dense store's work: the chunk total kept
        // on disk and a count over the chunks still waiting for a vector, none in these stores.
        output.WriteLine($"1,000 papers: {smallWork.PagesRead} pages at open, {smallWork.VectorCountPagesRead} of them counting vectors");
        output.WriteLine($"50,000 papers: {largeWork.PagesRead} pages at open, {largeWork.VectorCountPagesRead} of them counting vectors");
        Assert.True(smallWork.PagesReadWithoutVectorCount > 0, "the open read no page: the counter counts nothing");
        Assert.Equal(smallWork.PagesReadWithoutVectorCount, largeWork.PagesReadWithoutVectorCount);
        Assert.Equal(smallWork.VectorCountPagesRead, largeWork.VectorCountPagesRead);
    }

    [Fact]
    public async Task KeywordSearchAsync_FirstSearchAboveTheInMemoryLimit_FindsPapersWithoutLoadingTheCollection()
    {
        var path = await BuildAsync("first.db", 2_000);
        await using var sut = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, KeywordFeedback.Off, inMemoryKeywordChunks: 1_000) { MemoryMapBytes = 0 };
        await sut.OpenAsync(TestStores.Embedder);

        var hits = await sut.KeywordSearchAsync("zeolite 1234", 5);

        Assert.Equal("p001234", hits[0].PaperId);
    }

    private static async Task<StoreOpenWork> OpenWorkAsync(string path)
    {
        await using var sut = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance) { MemoryMapBytes = 0 };
        await sut.OpenAsync(TestStores.Embedder);
        return sut.OpenWork;
    }

    // Short papers with tiny chunks, so 50,000 of them are written in seconds; each holds its number as a word.
    private async Task<string> BuildAsync(string name, int papers)
    {
        var path = _temp.File(name);
        await using var store = await TestStores.OpenAsync(path);
        var vector = HashingEmbeddingGenerator.Embed("zeolite");
        for (var first = 0; first < papers; first += 5_000)
        {
            await store.UpsertAsync(
            [
                .. Enumerable.Range(first, Math.Min(5_000, papers - first)).Select(i =>
                {
                    var paper = TestPapers.Make($"p{i:D6}", $"Zeolite {i}", $"Pores {i % 97} and catalysis {i}.");
                    return new PaperDocument(paper, $"hash{i}", [new IndexedChunk(new RagPapers.Storage.Chunk(paper.Id, 0, paper.Abstract), vector)]);
                }),
            ]);
        }

        return path;
    }
}
