using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Schema 5: the keyword postings of <see cref="KeywordPostingRows"/>, built once for the chunks a store already
/// holds, a slice of chunks at a time in id order, so an existing store is upgraded in place instead of re-ingested.
/// </summary>
internal static class KeywordPostingsMigration
{
    public static SqliteMigration Step { get; } = new(5, "keyword postings for keyword search at scale", ApplyAsync);

    private const int SliceChunks = 4096;

    private const string ReadSliceSql = $"""
        SELECT c.id, p.title, {ChunkText.Sql} FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.id > $after ORDER BY c.id LIMIT $limit
        """;

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var commands = new CommandCache(connection);
        await commands.Get(KeywordPostingRows.CreateTableSql, transaction).ExecuteNonQueryAsync(cancellationToken);
        long after = 0;
        while (true)
        {
            // The slice is tokenized as an ingest batch is (AddedPostings), each chunk under its own id.
            var slice = new FtsTermChanges();
            var read = 0;
            using (var reader = await commands.Get(ReadSliceSql, transaction).Set("$after", after).Set("$limit", SliceChunks).ExecuteReaderAsync(cancellationToken))
            {
                while (reader.Read())
                {
                    after = reader.GetInt64(0);
                    slice.Add(reader.GetString(1), reader.GetString(2), after);
                    read++;
                }
            }

            if (read == 0)
            {
                return;
            }

            await slice.CountOnOwnConnectionAsync(cancellationToken);
            await KeywordPostingRows.WriteAsync(commands, transaction, slice.Postings, cancellationToken);
        }
    }
}
