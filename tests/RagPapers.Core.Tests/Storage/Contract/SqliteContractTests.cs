using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>The store contract on a real SQLite file in a temp folder.</summary>
public sealed class SqliteContractTests : PaperIndexContract, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    protected override IPaperIndex CreateIndex() => new SqlitePaperIndex(_temp.File("store.db"), NullLogger<SqlitePaperIndex>.Instance);
}
