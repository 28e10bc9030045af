using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// The store contract on a SQLite store above its approximate-index threshold that, after every write, builds its
/// HNSW file and is closed and opened again from disk: every search goes through the memory-mapped file.
/// </summary>
public sealed class SqliteReopenedContractTests : PaperIndexContract, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    protected override IPaperIndex CreateIndex() => new ReopeningSqliteIndex(_temp.File("store.db"), approximateMinVectors: 1);
}
