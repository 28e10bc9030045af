using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Schema 3: the vocabulary table the spelling corrector reads (<see cref="VocabularyRows"/>), filled once from the
/// papers already stored, so an existing store is upgraded in place instead of re-indexed.
/// </summary>
internal static class VocabularyMigration
{
    public static SqliteMigration Step { get; } = new(3, "collection vocabulary for spelling correction", ApplyAsync);

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = VocabularyRows.CreateTableSql;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        using var words = new VocabularyDelta();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT title, abstract FROM papers";
            using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                words.Add(reader.GetString(0), reader.GetString(1));
            }
        }

        await words.ApplyAsync(connection, transaction, cancellationToken);
    }
}
