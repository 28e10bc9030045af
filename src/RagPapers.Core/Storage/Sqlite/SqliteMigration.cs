using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// One step of the store's schema: brings a store of version <c>Version - 1</c> to <paramref name="Version"/> inside
/// the caller's transaction, which also bumps schema_version. A step must work on a store holding papers (upgrading
/// it in place) as on an empty one (a new store is version 1 plus every step).
/// </summary>
internal sealed record SqliteMigration(int Version, string Description, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> ApplyAsync)
{
    /// <summary>A step that is one SQL script.</summary>
    public static SqliteMigration FromSql(int version, string description, string sql) => new(version, description, async (connection, transaction, cancellationToken) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    });
}
