using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The keyword postings on disk: a row per term per write, keyed by (term, first chunk), holding that write's postings
/// of the term (<see cref="KeywordPostingBlock"/>), until every 16 writes' rows become a row per term
/// (<see cref="KeywordPostingMerge"/>). Chunk ids only grow (AUTOINCREMENT), so a write appends rows; a replaced or
/// deleted chunk's postings stay behind, and the ranking drops chunks that are gone.
/// </summary>
internal static class KeywordPostingRows
{
    // A rowid table with an index on (term, first chunk): each write appends its blobs at the table's end and adds a
    // small index entry per term. Keyed by (term, first chunk) WITHOUT ROWID, the blobs themselves sat in term order,
    // and every batch rewrote pages all over the table (ingest at 100,000 papers took twice as long).
    public const string CreateTableSql = """
        CREATE TABLE keyword_postings(term TEXT NOT NULL, first_chunk INTEGER NOT NULL, postings BLOB NOT NULL);
        CREATE UNIQUE INDEX keyword_postings_term ON keyword_postings(term, first_chunk);
        """;

    // A batch's blocks in one statement, as [term, first chunk, hex] triples: one row per term per batch made thousands
    // of statement round trips a batch on the writer's thread.
    private const string InsertBatchSql = """
        INSERT INTO keyword_postings(term, first_chunk, postings)
        SELECT value ->> 0, value ->> 1, unhex(value ->> 2) FROM json_each($blocks)
        """;

    /// <summary>Writes one write's blocks (<see cref="AddedPostings"/>), inside its transaction.</summary>
    public static async Task WriteAsync(
        CommandCache commands, SqliteTransaction transaction, List<(string Term, long FirstChunk, byte[] Block)> blocks, CancellationToken cancellationToken)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (term, firstChunk, block) in blocks)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(term);
                writer.WriteNumberValue(firstChunk);
                writer.WriteStringValue(Convert.ToHexString(block));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        await commands.Get(InsertBatchSql, transaction).Set("$blocks", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)).ExecuteNonQueryAsync(cancellationToken);
    }

    private const string LastChunkIdSql = "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'chunks'), 0)";

    /// <summary>The id the chunks table gave last (AUTOINCREMENT: ids only grow, one per inserted chunk).</summary>
    public static async Task<long> LastChunkIdAsync(CommandCache commands, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(await commands.Get(LastChunkIdSql, transaction).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every block of a term as (first chunk, blob).</summary>
    public const string ReadSql = "SELECT first_chunk, postings FROM keyword_postings WHERE term = $term";
}
