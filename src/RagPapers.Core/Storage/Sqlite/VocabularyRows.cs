using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The vocabulary table: each surface word of the papers' titles and abstracts with the number of papers holding it.
/// Writes change it by a <see cref="VocabularyDelta"/> applied in the write's own transaction, so the table is right
/// after any upsert or delete and never needs a rebuild.
/// </summary>
internal static class VocabularyRows
{
    public const string CreateTableSql = "CREATE TABLE vocabulary(word TEXT PRIMARY KEY, papers INTEGER NOT NULL) WITHOUT ROWID;";

    // One statement per batch, not one per word: the batch's deltas travel as one JSON object ({"word": delta}).
    // "WHERE true" lets SQLite parse the upsert clause after a SELECT.
    private const string UpsertSql = """
        INSERT INTO vocabulary(word, papers) SELECT key, value FROM json_each($delta) WHERE true
        ON CONFLICT(word) DO UPDATE SET papers = papers + excluded.papers
        """;

    private const string DeleteUnusedSql = "DELETE FROM vocabulary WHERE word IN (SELECT key FROM json_each($delta) WHERE value < 0) AND papers <= 0";

    /// <summary>Applies the deltas inside <paramref name="transaction"/>; words no paper holds any more are removed.</summary>
    /// <remarks>The words go in key order, so the upsert walks the table's B-tree forwards instead of jumping around it.</remarks>
    public static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, KeyValuePair<string, int>[] changed, CancellationToken cancellationToken)
    {
        if (changed.Length == 0)
        {
            return;
        }

        Array.Sort(changed, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var json = ToJson(changed);
        await ExecuteAsync(connection, transaction, UpsertSql, json, cancellationToken);
        if (changed.Any(d => d.Value < 0))
        {
            await ExecuteAsync(connection, transaction, DeleteUnusedSql, json, cancellationToken);
        }
    }

    public static async Task<CollectionVocabulary> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT word, papers FROM vocabulary";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var words = new List<KeyValuePair<string, int>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            words.Add(new(reader.GetString(0), reader.GetInt32(1)));
        }

        return new CollectionVocabulary(words);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string json, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$delta", json);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ToJson(KeyValuePair<string, int>[] changed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (word, value) in changed)
            {
                writer.WriteNumber(word, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
