using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// A store written with the .NET tokenizer holds exactly the rows a store written by tokenizing every chunk through FTS5
/// holds (the code before it, <c>CountTermsInFts5Only</c>): term counts, totals, keyword postings (rowids included) and
/// vocabulary, after batches with papers replaced inside a batch and across batches, and a delete.
/// </summary>
public sealed class StoreTermRowsTests : IDisposable
{
    private static readonly string[] Tables =
    [
        "SELECT term, chunks FROM fts_terms ORDER BY term",
        "SELECT chunks, tokens FROM fts_totals",
        "SELECT rowid, term, first_chunk, hex(postings) FROM keyword_postings ORDER BY rowid",
        "SELECT word, papers FROM vocabulary ORDER BY word",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UpsertAndDelete_WithAndWithoutNonAsciiTexts_StoreTheRowsOfTheFts5Path(bool nonAscii)
    {
        var batches = Batches(nonAscii);
        var expected = await WriteAsync(_temp.File("fts5.db"), fts5Only: true, batches);

        var actual = await WriteAsync(_temp.File("dotnet.db"), fts5Only: false, batches);

        Assert.True(expected[2].Count > 1000, "the reference store holds too few postings to prove anything");
        for (var t = 0; t < Tables.Length; t++)
        {
            Assert.Equal(expected[t], actual[t]);
        }
    }

    private static List<PaperDocument[]> Batches(bool nonAscii)
    {
        var texts = TokenizerCorpora.SciFactTexts().Chunk(2).Select(p => (Title: p[0], Text: p[^1]))
            .Where(p => nonAscii || (System.Text.Ascii.IsValid(p.Title) && System.Text.Ascii.IsValid(p.Text)))
            .Take(500).ToArray();
        PaperDocument Paper(int i, string? text = null, string source = "a.txt")
        {
            var (title, body) = texts[i];
            text ??= body;
            var half = text.Length / 2;
            return TestPapers.Document(TestPapers.Make($"p{i}", title, text, source: source), text[..half], text[half..]);
        }

        var first = Enumerable.Range(0, 250).Select(i => Paper(i, source: i % 7 == 0 ? "b.txt" : "a.txt")).ToList();
        first.Insert(100, Paper(3, "An earlier version of paper three, replaced later in the same batch."));
        var second = Enumerable.Range(250, 250).Select(i => Paper(i)).Concat(Enumerable.Range(10, 20).Select(i => Paper(i, texts[i + 300].Text))).ToList();
        if (nonAscii)
        {
            second.AddRange(UnicodeEdgeCases.Texts.Select((t, i) => TestPapers.Document(TestPapers.Make($"u{i}", t, t), t)));
            second.Add(TestPapers.Document(TestPapers.Make("cut", "a\u0820\u0820ing", "a\u0820\u0820ing"), "a\u0820\u0820ing")); // FTS5 counts this one
        }

        return [[.. first], [.. second]];
    }

    private static async Task<List<string>[]> WriteAsync(string path, bool fts5Only, List<PaperDocument[]> batches)
    {
        await using (var store = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, inMemoryKeywordChunks: 0) { CountTermsInFts5Only = fts5Only })
        {
            await store.OpenAsync(TestStores.Embedder);
            foreach (var batch in batches)
            {
                await store.UpsertAsync(batch);
            }

            await store.DeleteBySourceAsync("b.txt");
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        return [.. Tables.Select(sql => Rows(connection, sql))];
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        return rows;
    }
}
