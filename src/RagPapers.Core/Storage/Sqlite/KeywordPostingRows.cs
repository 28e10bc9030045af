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

    // A batch's blocks in one statement: the blocks end to end in one blob, and a JSON array of [term, first chunk,
    // offset, length] that cuts it up. One row per term per batch made thousands of statement round trips a batch on
    // the writer's thread; the blocks as hex inside the JSON cost more to encode, parse and decode than the insert.
    private const string InsertBatchSql = """
        INSERT INTO keyword_postings(term, first_chunk, postings)
        SELECT value ->> 0, value ->> 1, substr($blocks, value ->> 2, value ->> 3) FROM json_each($cuts)
        """;

    /// <summary>Writes one write's blocks (<see cref="AddedPostings"/>), inside its transaction.</summary>
    public static async Task WriteAsync(
        CommandCache commands, SqliteTransaction transaction, List<(string Term, long FirstChunk, byte[] Block)> blocks, CancellationToken cancellationToken)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        var joined = new byte[blocks.Sum(b => (long)b.Block.Length)];
        var cuts = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(cuts))
        {
            writer.WriteStartArray();
            var offset = 0;
            foreach (var (term, firstChunk, block) in blocks)
            {
                block.CopyTo(joined, offset);
                writer.WriteStartArray();
                writer.WriteStringValue(term);
                writer.WriteNumberValue(firstChunk);
                writer.WriteNumberValue(offset + 1); // substr counts from 1
                writer.WriteNumberValue(block.Length);
                writer.WriteEndArray();
                offset += block.Length;
            }

            writer.WriteEndArray();
        }

        await commands.Get(InsertBatchSql, transaction)
            .Set("$blocks", joined)
            .Set("$cuts", System.Text.Encoding.UTF8.GetString(cuts.WrittenSpan))
            .ExecuteNonQueryAsync(cancellationToken);
    }

    private const string LastChunkIdSql = "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'chunks'), 0)";

    /// <summary>The id the chunks table gave last (AUTOINCREMENT: ids only grow, one per inserted chunk).</summary>
    public static async Task<long> LastChunkIdAsync(CommandCache commands, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(await commands.Get(LastChunkIdSql, transaction).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every block of a term as (first chunk, blob).</summary>
    public const string ReadSql = "SELECT first_chunk, postings FROM keyword_postings WHERE term = $term";
}
