using System.Diagnostics;
using Microsoft.Data.Sqlite;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>Two stores on one file, as two processes would have: what one writes, the other serves within a second.</summary>
public sealed class SqliteForeignWriteTests : IDisposable
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("store.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Reads_AfterAnotherConnectionUpdatesAndAdds_ServeTheNewTextWithinASecond()
    {
        await using var writer = await TestStores.OpenAsync(StorePath);
        await using var sut = await TestStores.OpenAsync(StorePath);
        await writer.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", title: "Graphs", abstractText: "Old text about graphs."))]);
        Assert.Single(await sut.KeywordSearchAsync("graphs", 5)); // every cache of sut is now warm
        Assert.Equal("Old text about graphs.", (await sut.GetPaperAsync("p1"))!.Abstract);
        var version = await sut.GetService<IStoreVersion>()!.GetVersionAsync();

        await writer.UpsertAsync([
            TestPapers.Document(TestPapers.Make("p1", title: "Graphs", abstractText: "New text about graphs.")),
            TestPapers.Document(TestPapers.Make("p2", title: "Robots", abstractText: "Fresh robots paper.")),
        ]);
        await Task.Delay(Freshness);

        Assert.Equal("New text about graphs.", (await sut.GetPaperAsync("p1"))!.Abstract);
        Assert.Equal("New text about graphs.", Assert.Single(await sut.KeywordSearchAsync("graphs", 5)).Text);
        Assert.Equal("p2", Assert.Single(await sut.KeywordSearchAsync("robots", 5)).PaperId);
        var dense = await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("Robots. Fresh robots paper."), 1);
        Assert.Equal(("p2", "Fresh robots paper."), (dense[0].PaperId, dense[0].Text));
        Assert.Equal("New text about graphs.", Assert.Single(await sut.GetChunksAsync("p1")).Chunk.Text);
        Assert.NotEqual(version, await sut.GetService<IStoreVersion>()!.GetVersionAsync());
    }

    [Fact]
    public async Task UpsertAsync_AnotherProcessHoldsTheWriteLock_StoreBusyWithinSeconds()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        using var other = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        other.Open();
        using var holding = other.BeginTransaction(); // BEGIN IMMEDIATE: the write lock, held
        var watch = Stopwatch.StartNew();

        var busy = await Assert.ThrowsAsync<StoreBusyException>(() => sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Contains("locked by another process", busy.Message, StringComparison.Ordinal);
        holding.Rollback();
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]); // and works once the lock is gone
        Assert.Equal(1, await sut.CountPapersAsync());
    }
}
