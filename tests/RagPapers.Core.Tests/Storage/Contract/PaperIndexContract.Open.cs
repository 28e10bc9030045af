using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Contract;

public abstract partial class PaperIndexContract
{
    [ContractFact]
    public async Task OpenAsync_AfterWritesByAnotherInstance_SeesThem()
    {
        await using (var first = await OpenAsync())
        {
            await first.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", abstractText: "Persistent zeolite."))]);
        }

        await using var sut = await OpenAsync();

        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Single(await sut.KeywordSearchAsync("zeolite", 5));
        Assert.Single(await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("zeolite"), 5));
    }

    // Two behaviours, told apart by the capability: a store that defers vectors (SQLite) adopts the new embedder and
    // drops only the old vectors; a store given its vectors during ingestion (Qdrant) refuses and says what to do.

    [ContractFact]
    public async Task OpenAsync_OtherEmbedderId_ReembedsInPlaceOrRefusesNamingBothEmbedders()
    {
        await using (var first = await OpenAsync())
        {
            await first.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", abstractText: "Persistent zeolite."))]);
        }

        await using var sut = CreateIndex();
        var other = new EmbedderDescriptor("other-model", 64);
        if (sut.GetService<IDeferredVectorIndex>() is { } deferred)
        {
            await sut.OpenAsync(other);
            Assert.Equal(Embedder, deferred.ReplacedEmbedder);
            Assert.Equal(new VectorProgress(0, 1), deferred.Progress);
            Assert.Single(await sut.KeywordSearchAsync("zeolite", 5));
            return;
        }

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(other));

        Assert.Contains("'test-hashing-64' (64 dims)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'other-model' (64 dims)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ragpapers ingest", ex.Message, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task OpenAsync_OtherDimensions_ReembedsInPlaceOrRefusesNamingBothSizes()
    {
        await (await OpenAsync()).DisposeAsync();
        await using var sut = CreateIndex();
        if (sut.GetService<IDeferredVectorIndex>() is { } deferred)
        {
            await sut.OpenAsync(Embedder with { Dimensions = 128 });
            Assert.Equal(Embedder, deferred.ReplacedEmbedder);
            return;
        }

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(Embedder with { Dimensions = 128 }));

        Assert.Contains("(64 dims)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(128 dims)", ex.Message, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task CountPapersAsync_BeforeOpen_ThrowsInvalidOperation()
    {
        await using var sut = CreateIndex();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.CountPapersAsync());
    }

    [ContractFact]
    public async Task CountPapersAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var sut = await OpenAsync();
        await sut.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.CountPapersAsync());
    }

    [ContractFact]
    public async Task VectorSearchAsync_AfterSearchesThenDispose_ThrowsObjectDisposed()
    {
        var sut = await OpenAsync();
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", abstractText: "Zeolite pores."))]);
        var query = HashingEmbeddingGenerator.Embed("zeolite");
        Assert.Single(await sut.VectorSearchAsync(query, 5)); // loads whatever the store keeps in memory
        await sut.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.VectorSearchAsync(query, 5));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.GetChunksAsync(["p1"]));
    }
}
