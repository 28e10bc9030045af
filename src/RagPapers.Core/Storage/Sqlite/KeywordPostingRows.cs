using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The keyword postings on disk: a row per term per write, keyed by (term, first chunk), holding that write's postings
/// of the term (<see cref="KeywordPostingBlock"/>). Chunk ids only grow (AUTOINCREMENT), so a write appends rows and
/// never rewrites one; a replaced or deleted chunk's postings stay behind, and the ranking drops chunks that are gone.
/// </summary>
internal static class KeywordPostingRows
{
    public const string CreateTableSql = """
        CREATE TABLE keyword_postings(
            term TEXT NOT NULL, first_chunk INTEGER NOT NULL, postings BLOB NOT NULL, PRIMARY KEY (term, first_chunk)) WITHOUT ROWID;
        """;

    private const string InsertSql = "INSERT INTO keyword_postings(term, first_chunk, postings) VALUES ($term, $first, $postings)";
    /// <summary>Every block of a term as (first chunk, blob).</summary>
    public const string ReadSql = "SELECT first_chunk, postings FROM keyword_postings WHERE term = $term";

    /// <summary>Writes one write's postings, inside its transaction.</summary>
    public static async Task WriteAsync(CommandCache commands, SqliteTransaction transaction, Dictionary<string, List<KeywordPosting>> postings, CancellationToken cancellationToken)
    {
        var insert = commands.Get(InsertSql, transaction);
        foreach (var (term, list) in postings)
        {
            if (list.Count > 0)
            {
                await insert.Set("$term", term).Set("$first", list[0].Chunk).Set("$postings", KeywordPostingBlock.Encode(list)).ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
