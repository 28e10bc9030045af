using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Which chunk vectors changed since the approximate index was saved: triggers append the chunk id of every vector
/// inserted, replaced, cleared or deleted, in the transaction of the change, whichever process or code path writes.
/// A search scores these chunks exactly beside the index's candidates, so a stale index (a crash before it was
/// saved, a write by another process) never gives wrong results; the builder folds them in and prunes the log.
/// </summary>
internal static class VectorChangeLog
{
    // AUTOINCREMENT: a pruned (emptied) log must not hand out sequence numbers the index already covers.
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS vector_changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, chunk_id INTEGER NOT NULL);
        CREATE TRIGGER IF NOT EXISTS vector_changes_insert AFTER INSERT ON chunks WHEN new.vector IS NOT NULL
            BEGIN INSERT INTO vector_changes(chunk_id) VALUES (new.id); END;
        CREATE TRIGGER IF NOT EXISTS vector_changes_delete AFTER DELETE ON chunks WHEN old.vector IS NOT NULL
            BEGIN INSERT INTO vector_changes(chunk_id) VALUES (old.id); END;
        CREATE TRIGGER IF NOT EXISTS vector_changes_update AFTER UPDATE OF vector ON chunks
            WHEN old.vector IS NOT new.vector BEGIN INSERT INTO vector_changes(chunk_id) VALUES (new.id); END;
        """;

    private const string PrunedKey = "ann_pruned_through";

    /// <summary>Creates the log and its triggers unless a previous open did (a read of sqlite_master otherwise).</summary>
    public static async Task EnsureAsync(CommandCache commands, CancellationToken cancellationToken)
    {
        const string Exists = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'vector_changes_%'";
        if ((long)(await commands.Get(Exists).ExecuteScalarAsync(cancellationToken))! < 3)
        {
            await commands.Get(CreateSql).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The last sequence number handed out (0 when none), which an index built now covers.</summary>
    public static async Task<long> LastSeqAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, transaction, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'vector_changes'), 0)", cancellationToken);

    /// <summary>Below this sequence number the log was pruned: an index that covers less cannot be caught up.</summary>
    public static async Task<long> PrunedThroughAsync(CommandCache commands, CancellationToken cancellationToken) =>
        await commands.Get($"SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{PrunedKey}'), 0)").ExecuteScalarAsync(cancellationToken) is long seq ? seq : 0;

    /// <summary>Up to <paramref name="max"/> distinct chunks changed after <paramref name="seq"/>.</summary>
    public static async Task<List<long>> ChangedSinceAsync(CommandCache commands, long seq, int max, CancellationToken cancellationToken)
    {
        var changed = new List<long>();
        var command = commands.Get("SELECT DISTINCT chunk_id FROM vector_changes WHERE seq > $seq LIMIT $max").Set("$seq", seq).Set("$max", max);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changed.Add(reader.GetInt64(0));
        }

        return changed;
    }

    /// <summary>Drops the entries an index saved at <paramref name="seq"/> covers, and records how far the log was pruned.</summary>
    public static async Task PruneAsync(SqliteConnection connection, long seq, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            DELETE FROM vector_changes WHERE seq <= $seq;
            INSERT INTO meta(key, value) VALUES ('{PrunedKey}', $text)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE CAST(value AS INTEGER) < CAST(excluded.value AS INTEGER);
            """;
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$text", seq.ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
