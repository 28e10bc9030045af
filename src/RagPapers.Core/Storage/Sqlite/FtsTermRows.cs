using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What BM25 needs beyond the postings, kept on disk and changed by every write in the write's own transaction: the
/// chunks holding each stemmed FTS5 term (<c>fts_terms</c>), and the live chunks with their tokens (<c>fts_totals</c>).
/// A keyword search on a large store reads only its own terms' rows, so neither opening the store nor a first search
/// reads every term (<see cref="FtsTermStatistics"/> does, for small stores).
/// </summary>
internal static class FtsTermRows
{
    public const string CreateTablesSql = """
        CREATE TABLE fts_terms(term TEXT PRIMARY KEY, chunks INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE fts_totals(id INTEGER PRIMARY KEY CHECK (id = 1), chunks INTEGER NOT NULL, tokens INTEGER NOT NULL);
        INSERT INTO fts_totals(id, chunks, tokens) VALUES (1, 0, 0);
        """;

    // The batch's changes travel as one JSON object ({"term": delta}), as the vocabulary table's do.
    private const string UpsertSql = """
        INSERT INTO fts_terms(term, chunks) SELECT key, value FROM json_each($delta) WHERE true
        ON CONFLICT(term) DO UPDATE SET chunks = chunks + excluded.chunks
        """;

    private const string DeleteUnusedSql = "DELETE FROM fts_terms WHERE term IN (SELECT key FROM json_each($delta) WHERE value < 0) AND chunks <= 0";
    private const string UpdateTotalsSql = "UPDATE fts_totals SET chunks = chunks + $chunks, tokens = tokens + $tokens WHERE id = 1";
    private const string ReadTotalsSql = "SELECT chunks, tokens FROM fts_totals WHERE id = 1";
    private const string ReadChunksSql = "SELECT j.key, t.chunks FROM json_each($terms) j JOIN fts_terms t ON t.term = j.value";

    /// <summary>Applies a write's changes inside <paramref name="transaction"/>; terms no chunk holds any more are removed.</summary>
    public static async Task ApplyAsync(CommandCache commands, SqliteTransaction transaction, FtsTermChanges changes, CancellationToken cancellationToken)
    {
        await changes.CountAsync(commands, transaction, cancellationToken);
        if (changes.Chunks == 0 && changes.Tokens == 0 && changes.Terms.Count == 0)
        {
            return;
        }

        if (changes.Terms.Count > 0)
        {
            var json = changes.TermsJson();
            await commands.Get(UpsertSql, transaction).Set("$delta", json).ExecuteNonQueryAsync(cancellationToken);
            if (changes.Terms.Values.Any(d => d < 0))
            {
                await commands.Get(DeleteUnusedSql, transaction).Set("$delta", json).ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await commands.Get(UpdateTotalsSql, transaction).Set("$chunks", changes.Chunks).Set("$tokens", changes.Tokens).ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<(long Chunks, long Tokens)> ReadTotalsAsync(CommandCache commands, CancellationToken cancellationToken)
    {
        using var reader = await commands.Get(ReadTotalsSql).ExecuteReaderAsync(cancellationToken);
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>The chunks holding each term, in the order given; 0 for a term no chunk holds.</summary>
    public static async Task<long[]> ReadChunkCountsAsync(CommandCache commands, IReadOnlyList<string> terms, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var counts = new long[terms.Count];
        if (terms.Count == 0)
        {
            return counts;
        }

        using var reader = await commands.Get(ReadChunksSql, transaction).Set("$terms", JsonIdList.From(terms))
            .ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
