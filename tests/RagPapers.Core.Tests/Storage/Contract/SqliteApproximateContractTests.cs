using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// The store contract on a SQLite store whose approximate-index threshold is three vectors, so that most tests cross
/// from the exact scan to the HNSW path while they write: searches run exact, on the change log beside a file being
/// built in the background, or on the built file, and must answer the same.
/// </summary>
public sealed class SqliteApproximateContractTests : PaperIndexContract, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    protected override IPaperIndex CreateIndex() =>
        new SqlitePaperIndex(_temp.File("store.db"), NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(3));
}
