using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>Chunk rows go through a bounded cache: read from SQLite once, and never served stale after a write.</summary>
public sealed class SqliteChunkReadsTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private SqlitePaperIndex _sut = null!;

    public async Task InitializeAsync()
    {
        _sut = await TestStores.OpenAsync(_temp.File("store.db"));
        await _sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("vision", "Vision", "Convolutional image classification")),
            TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition")),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _sut.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task VectorSearchAsync_Repeated_ReadsNoVectorFromSqliteTheSecondTime()
    {
        var query = HashingEmbeddingGenerator.Embed("acoustic speech");
        var first = await _sut.VectorSearchAsync(query, 10);
        var readByFirst = _sut.DenseWork.VectorBytesRead;

        var second = await _sut.VectorSearchAsync(query, 10);

        Assert.True(readByFirst > 0);
        Assert.Equal(readByFirst, _sut.DenseWork.VectorBytesRead);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task VectorSearchAsync_AfterThePaperIsRewritten_ReturnsTheNewText()
    {
        var query = HashingEmbeddingGenerator.Embed("acoustic speech");
        await _sut.VectorSearchAsync(query, 10);

        await _sut.UpsertAsync([TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition in noise"))]);

        Assert.Equal("Acoustic speech recognition in noise", (await _sut.VectorSearchAsync(query, 10)).Single(h => h.PaperId == "speech").Text);
    }

    [Fact]
    public async Task KeywordSearchAsync_AfterThePaperIsRewritten_ReturnsTheNewText()
    {
        await _sut.KeywordSearchAsync("speech", 10);

        await _sut.UpsertAsync([TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition in noise"))]);

        Assert.Equal("Acoustic speech recognition in noise", Assert.Single(await _sut.KeywordSearchAsync("speech", 10)).Text);
    }

    [Fact]
    public async Task GetChunksAsync_AfterVectorsAreCleared_ReturnsChunksWithoutVectors()
    {
        Assert.False(Assert.Single(await _sut.GetChunksAsync("speech")).Vector.IsEmpty);

        await _sut.ClearVectorsAsync();

        Assert.True(Assert.Single(await _sut.GetChunksAsync("speech")).Vector.IsEmpty);
    }
}
