using Microsoft.Data.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// Asks the linked SQLite how an FTS5 tokenizer (the store's 'porter unicode61' unless told) tokenizes texts: each text
/// becomes a row of a scratch FTS5 table with that tokenizer, and its terms are read back in order from the instance
/// vocabulary, as <c>FtsStemmer</c> does for query terms.
/// </summary>
internal sealed class Fts5Probe : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public Fts5Probe(string tokenizer = "porter unicode61")
    {
        _connection.Open();
        Execute($"CREATE VIRTUAL TABLE probe USING fts5(text, content='', tokenize='{tokenizer}')");
        Execute("CREATE VIRTUAL TABLE probe_instance USING fts5vocab(probe, instance)");
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The terms FTS5 indexes for each text, in the order they appear in it.</summary>
    public List<string>[] Terms(IReadOnlyList<string> texts)
    {
        using var transaction = _connection.BeginTransaction();
        using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO probe(rowid, text) VALUES ($row, $text)";
            var row = insert.Parameters.Add("$row", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            for (var i = 0; i < texts.Count; i++)
            {
                row.Value = i;
                text.Value = texts[i];
                insert.ExecuteNonQuery();
            }
        }

        var found = new List<(long Doc, long Offset, string Term)>();
        using (var read = _connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT doc, offset, term FROM probe_instance";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        transaction.Rollback();
        var terms = texts.Select(_ => new List<string>()).ToArray();
        foreach (var (doc, _, term) in found.OrderBy(f => f.Doc).ThenBy(f => f.Offset))
        {
            terms[doc].Add(term);
        }

        return terms;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
