using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>Chunk rows go through a bounded cache: read from SQLite once, and never served stale after a write.</summary>
public sealed class SqliteChunkReadsTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private SqlitePaperIndex sut = null!;

    public async Task InitializeAsync()
    {
        sut = await TestStores.OpenAsync(temp.File("store.db"));
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("vision", "Vision", "Convolutional image classification")),
            TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition")),
        ]);
    }

    public async Task DisposeAsync()
    {
        await sut.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task VectorSearchAsync_Repeated_ReadsNoVectorFromSqliteTheSecondTime()
    {
        var query = HashingEmbeddingGenerator.Embed("acoustic speech");
        var first = await sut.VectorSearchAsync(query, 10);
        var readByFirst = sut.DenseWork.VectorBytesRead;

        var second = await sut.VectorSearchAsync(query, 10);

        Assert.True(readByFirst > 0);
        Assert.Equal(readByFirst, sut.DenseWork.VectorBytesRead);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task VectorSearchAsync_AfterThePaperIsRewritten_ReturnsTheNewText()
    {
        var query = HashingEmbeddingGenerator.Embed("acoustic speech");
        await sut.VectorSearchAsync(query, 10);

        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition in noise"))]);

        Assert.Equal("Acoustic speech recognition in noise", (await sut.VectorSearchAsync(query, 10)).Single(h => h.PaperId == "speech").Text);
    }

    [Fact]
    public async Task KeywordSearchAsync_AfterThePaperIsRewritten_ReturnsTheNewText()
    {
        await sut.KeywordSearchAsync("speech", 10);

        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition in noise"))]);

        Assert.Equal("Acoustic speech recognition in noise", Assert.Single(await sut.KeywordSearchAsync("speech", 10)).Text);
    }

    [Fact]
    public async Task GetChunksAsync_AfterVectorsAreCleared_ReturnsChunksWithoutVectors()
    {
        Assert.False(Assert.Single(await sut.GetChunksAsync("speech")).Vector.IsEmpty);

        await sut.ClearVectorsAsync();

        Assert.True(Assert.Single(await sut.GetChunksAsync("speech")).Vector.IsEmpty);
    }
}
