using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// One command per SQL text, kept for the connection's lifetime: Microsoft.Data.Sqlite keeps a command's
/// prepared statements, so reusing it skips re-parsing the SQL on every row of a batch.
/// </summary>
internal sealed class CommandCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand Get(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>A deferred transaction for scratch work in the temp schema, to be rolled back: it takes no lock on the store.</summary>
    public SqliteTransaction BeginScratch() => connection.BeginTransaction(deferred: true);

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
