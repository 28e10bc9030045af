using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// One step of the store's schema history: brings a store of version <c>ToVersion - 1</c> to <paramref name="ToVersion"/>
/// inside the caller's transaction. A step must work on a store holding papers (upgrading it in place) as on an
/// empty one (a new store is the first schema plus every step).
/// </summary>
internal sealed record SqliteMigration(
    int ToVersion,
    string Description,
    Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> ApplyAsync);
