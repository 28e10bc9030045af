using RagPapers.Core.Tests.Fakes;
using RagPapers.Papers;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>The SQLite store's deferred vectors (IDeferredVectorIndex): chunks first, vectors batch by batch, one embedder only.</summary>
public sealed class SqliteDeferredVectorsTests : IDisposable
{
    private const int VectorsLoaded = 5; // the store's log event for a (re)load of the in-memory matrix

    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("store.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GetChunksWithoutVectorsAsync_DeferredUpsert_ReturnsOldestFirstWithTheirTitles()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([Deferred("a", "Speech", "Acoustic speech recognition"), Deferred("b", "Vision", "Image classification")]);

        var pending = await sut.GetChunksWithoutVectorsAsync(10);

        Assert.Equal(["Speech", "Vision"], pending.Select(p => p.PaperTitle));
        Assert.Equal(new Chunk("a", 0, "Acoustic speech recognition"), pending[0].Chunk);
        Assert.Single(await sut.GetChunksWithoutVectorsAsync(1));
        Assert.Equal(new VectorProgress(0, 2), sut.Progress);
    }

    // Upserts keep the counts by what they commit instead of counting every chunk again after each batch.
    [Fact]
    public async Task UpsertAsync_ReplacingPapersWithAndWithoutVectors_ProgressMatchesACountOfTheRows()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("a"), "one", "two"), TestPapers.Document(TestPapers.Make("b"), "three")]);
        await sut.UpsertAsync([Deferred("a", "Speech", "Acoustic speech recognition"), TestPapers.Document(TestPapers.Make("c"), "four")]);

        var progress = sut.Progress;
        await using var reopened = await TestStores.OpenAsync(StorePath);

        Assert.Equal(new VectorProgress(2, 3), progress);
        Assert.Equal(progress, reopened.Progress);
    }

    [Fact]
    public async Task SetVectorsAsync_LastBatch_CompletesTheStoreAndDenseSearchSeesTheVectors()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([Deferred("a", "Speech", "Acoustic speech recognition"), Deferred("b", "Vision", "Image classification")]);
        var pending = await sut.GetChunksWithoutVectorsAsync(10);

        var first = await sut.SetVectorsAsync([Vector(pending[0])]);
        var afterFirst = sut.Progress;
        var second = await sut.SetVectorsAsync([Vector(pending[1])]);

        Assert.Equal((1, 1), (first, second));
        Assert.Equal(new VectorProgress(1, 2), afterFirst);
        Assert.True(sut.Progress.IsComplete);
        Assert.Empty(await sut.GetChunksWithoutVectorsAsync(10));
        Assert.Equal("b", (await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("Vision. Image classification"), 1))[0].PaperId);
    }

    [Fact]
    public async Task SetVectorsAsync_PaperReplacedSinceTheChunksWereTaken_SkipsTheOldChunkAndTheNewOneStillWaits()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([Deferred("a", "Speech", "Acoustic speech recognition")]);
        var taken = Assert.Single(await sut.GetChunksWithoutVectorsAsync(10));
        await sut.UpsertAsync([Deferred("a", "Speech", "A rewritten abstract about voices")]);

        var stored = await sut.SetVectorsAsync([Vector(taken)]);

        Assert.Equal(0, stored);
        var waiting = Assert.Single(await sut.GetChunksWithoutVectorsAsync(10));
        Assert.True(waiting.Key > taken.Key); // ids are never reused, so an old vector cannot land on new text
        Assert.Equal("A rewritten abstract about voices", waiting.Chunk.Text);
    }

    [Fact]
    public async Task SetVectorsAsync_VectorOfOtherDimensions_ThrowsNamingBoth()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([Deferred("a", "Speech", "Acoustic speech recognition")]);
        var taken = Assert.Single(await sut.GetChunksWithoutVectorsAsync(10));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => sut.SetVectorsAsync([new ChunkVector(taken.Key, new float[32])]));

        Assert.Contains("32-dim vector; the store holds 64-dim vectors", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new VectorProgress(0, 1), sut.Progress);
    }

    [Fact]
    public async Task SetVectorsAsync_StoreSwitchedToAnotherEmbedderByAnotherProcess_ThrowsAndStoresNothing()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([Deferred("a", "Speech", "Acoustic speech recognition")]);
        var taken = Assert.Single(await sut.GetChunksWithoutVectorsAsync(10));
        await (await TestStores.OpenAsync(StorePath, new EmbedderDescriptor("other", 32))).DisposeAsync();

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.SetVectorsAsync([Vector(taken)]));

        Assert.Contains("switched to embedder 'other' (32 dims) by another process", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, TestStores.CountRows(StorePath, "chunks WHERE vector IS NOT NULL"));
    }

    [Fact]
    public async Task ClearVectorsAsync_CompleteStore_DropsEveryVectorAndKeepsPapersChunksAndKeywordSearch()
    {
        await using var sut = await TestStores.OpenAsync(StorePath);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("a", "Speech", "Acoustic speech recognition"))]);

        await sut.ClearVectorsAsync();

        Assert.Equal(new VectorProgress(0, 1), sut.Progress);
        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.True(Assert.Single(await sut.GetChunksAsync("a")).Vector.IsEmpty);
        Assert.Equal("a", Assert.Single(await sut.KeywordSearchAsync("speech", 5)).PaperId);
    }

    [Fact]
    public async Task SetVectorsAsync_WhileIncomplete_KeywordSearchReadsNoVectorsAndDenseSearchLoadsThemOnce()
    {
        var logger = new RecordingLogger<SqlitePaperIndex>();
        await using var sut = new SqlitePaperIndex(StorePath, logger);
        await sut.OpenAsync(TestStores.Embedder);
        await sut.UpsertAsync([Deferred("a", "Speech", "Acoustic speech"), Deferred("b", "Vision", "Image vision"), Deferred("c", "Text", "Language text")]);
        var pending = await sut.GetChunksWithoutVectorsAsync(10);
        foreach (var chunk in pending)
        {
            await sut.SetVectorsAsync([Vector(chunk)]);
            await sut.KeywordSearchAsync("speech", 5);
        }

        var readByKeywordSearch = sut.DenseWork.VectorBytesRead;
        var query = HashingEmbeddingGenerator.Embed("acoustic speech");
        await sut.VectorSearchAsync(query, 2);
        await sut.VectorSearchAsync(query, 2);

        Assert.Equal(0, readByKeywordSearch);
        Assert.Equal(1, logger.Count(VectorsLoaded));
    }

    private static PaperDocument Deferred(string id, string title, string abstractText)
    {
        var paper = TestPapers.Make(id, title, abstractText);
        return new PaperDocument(paper, PaperHashing.ContentHash(paper), [new IndexedChunk(new Chunk(id, 0, abstractText), ReadOnlyMemory<float>.Empty)]);
    }

    private static ChunkVector Vector(ChunkWithoutVector chunk) =>
        new(chunk.Key, HashingEmbeddingGenerator.Embed(chunk.Chunk.EmbeddingText(chunk.PaperTitle)));
}
