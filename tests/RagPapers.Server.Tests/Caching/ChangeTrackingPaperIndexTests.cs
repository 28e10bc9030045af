using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Server.Caching;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Server.Tests.Caching;

public sealed class ChangeTrackingPaperIndexTests
{
    // The defect of issue #14: the wrapper implemented only IPaperIndex, so a type check for the hybrid capability
    // failed and every server search on Qdrant took the two-call path.
    [Fact]
    public async Task GetService_WrappedQdrantIndex_FindsTheHybridSearchCapability()
    {
        var qdrant = new QdrantPaperIndex(new QdrantStoreOptions { Url = "http://127.0.0.1:9" }, TimeProvider.System, NullLogger<QdrantPaperIndex>.Instance);
        await using var sut = new ChangeTrackingPaperIndex(qdrant, new StoreChanges());

        Assert.Same(qdrant, sut.GetService<IHybridSearchIndex>());
    }

    [Fact]
    public async Task GetService_WrappedSqliteIndex_HasNoHybridSearchButFindsTheStore()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ragpapers-{Guid.NewGuid():N}.db");
        var sqlite = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance);
        await using var sut = new ChangeTrackingPaperIndex(sqlite, new StoreChanges());

        Assert.Null(sut.GetService<IHybridSearchIndex>());
        Assert.Same(sqlite, sut.GetService<SqlitePaperIndex>());
        Assert.Null(sut.GetService<SqlitePaperIndex>(serviceKey: "other"));
    }
}
