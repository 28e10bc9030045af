using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Fakes;

internal static class TestStores
{
    public static EmbedderDescriptor Embedder { get; } = new(HashingEmbeddingGenerator.Id, HashingEmbeddingGenerator.Dimensions);

    public static async Task<SqlitePaperIndex> OpenAsync(string path, EmbedderDescriptor? embedder = null)
    {
        var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance);
        await index.OpenAsync(embedder ?? Embedder);
        return index;
    }

    /// <summary>Counts rows through a separate connection, the way another process would see the file.</summary>
    public static long CountRows(string path, string table) => Query<long>(path, $"SELECT count(*) FROM {table}").Single();

    /// <summary>
    /// Takes what version 9 changed out of a store of this build: a chunk that is its paper's whole abstract, written as
    /// '', gets its text back, as versions 1 to 8 wrote it. The first step of taking a store back to an older version.
    /// </summary>
    public const string BackBeforeVersion9Sql = """
        UPDATE chunks SET text = (SELECT p.abstract FROM papers p WHERE p.id = chunks.paper_id) WHERE text = '';

        """;

    /// <summary>
    /// Takes what versions 7 to 9 changed out of a store of this build: the chunks' texts come back (<see cref="BackBeforeVersion9Sql"/>),
    /// the index on papers' dates goes, and the FTS5 index schemas 1 to 6 kept beside the postings comes back, filled from
    /// the store's rows as those versions wrote it.
    /// </summary>
    public const string BackBeforeVersion7Sql = BackBeforeVersion9Sql + """
        DROP INDEX papers_published;
        CREATE VIRTUAL TABLE chunks_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='porter unicode61');
        INSERT INTO chunks_fts(rowid, title, text) SELECT c.id, p.title, c.text FROM chunks c JOIN papers p ON p.id = c.paper_id;
        """;

    /// <summary>The live chunks the keyword index counts (bm25's N, kept with the postings), read through a separate connection.</summary>
    public static long KeywordIndexChunks(string path) => Query<long>(path, "SELECT chunks FROM fts_totals").Single();

    /// <summary>The first column of a query's rows, read through a separate connection.</summary>
    public static List<T> Query<T>(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(reader.GetFieldValue<T>(0));
        }

        return rows;
    }

    /// <summary>Runs SQL on the file through a separate connection (as another process, or a store's older build, would write it).</summary>
    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
