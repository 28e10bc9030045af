using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Schema 4: the term counts and totals of <see cref="FtsTermRows"/>, filled once from FTS5's own vocabulary of the
/// chunks already indexed, so an existing store is upgraded in place (one pass over the index) instead of re-indexed.
/// </summary>
internal static class FtsTermsMigration
{
    public static SqliteMigration Step { get; } = new(4, "term counts on disk for keyword search at scale", ApplyAsync);

    private const string FillSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_fts_row USING fts5vocab(main, chunks_fts, row);
        INSERT INTO fts_terms(term, chunks) SELECT term, doc FROM temp.chunks_fts_row;
        UPDATE fts_totals SET chunks = (SELECT count(*) FROM chunks), tokens = (SELECT coalesce(sum(cnt), 0) FROM temp.chunks_fts_row) WHERE id = 1;
        DROP TABLE temp.chunks_fts_row;
        """;

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = FtsTermRows.CreateTablesSql + FillSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
