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

    private const string ReadSliceSql = """
        SELECT c.id, p.title, c.text FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.id > $after ORDER BY c.id LIMIT $limit
        """;

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var commands = new CommandCache(connection);
        await commands.Get(KeywordPostingRows.CreateTableSql, transaction).ExecuteNonQueryAsync(cancellationToken);
        long after = 0;
        while (true)
        {
            var ids = new List<long>(SliceChunks);
            var texts = new List<(string Title, string Text)>(SliceChunks);
            using (var reader = await commands.Get(ReadSliceSql, transaction).Set("$after", after).Set("$limit", SliceChunks).ExecuteReaderAsync(cancellationToken))
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                    texts.Add((reader.GetString(1), reader.GetString(2)));
                }
            }

            if (ids.Count == 0)
            {
                return;
            }

            var postings = await KeywordPostingsBuilder.BuildAsync(texts, ids, cancellationToken);
            await KeywordPostingRows.WriteAsync(commands, transaction, postings, cancellationToken);
            after = ids[^1];
        }
    }
}
