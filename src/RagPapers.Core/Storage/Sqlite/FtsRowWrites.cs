using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The FTS5 rows one write deletes and inserts, held back until the write's other rows are in and then written in one
/// run. FTS5 keeps the terms it is given in memory and writes them out as a new segment when that memory fills, at
/// commit, and whenever another statement of the transaction opens a statement journal (FTS5's xSavepoint). The inserts
/// of papers and chunks open one (INSERT OR REPLACE, AUTOINCREMENT, triggers), so FTS rows written paper by paper between
/// them became one segment per paper, and flushing and merging those tiny segments was most of the writer thread's time.
/// </summary>
internal sealed class FtsRowWrites
{
    private const string DeleteSql = "DELETE FROM chunks_fts WHERE rowid = $id";
    private const string InsertSql = "INSERT INTO chunks_fts(rowid, title, text) VALUES ($id, $title, $text)";

    private readonly List<long> _deletes = [];
    private readonly List<(long Id, string Title, string Text)> _inserts = [];
    private readonly HashSet<long> _inserted = [];
    private readonly HashSet<long> _withdrawn = [];

    public void Insert(long id, string title, string text)
    {
        _inserts.Add((id, title, text));
        _inserted.Add(id);
    }

    /// <summary>Deletes a row; one this write inserted (a paper written twice in one batch) is simply not inserted.</summary>
    public void Delete(long id)
    {
        if (_inserted.Remove(id))
        {
            _withdrawn.Add(id);
            return;
        }

        _deletes.Add(id);
    }

    /// <summary>Writes the deletes, then the inserts in the order given, inside <paramref name="transaction"/>.</summary>
    public async Task ApplyAsync(CommandCache commands, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var delete = commands.Get(DeleteSql, transaction);
        foreach (var id in _deletes)
        {
            await delete.Set("$id", id).ExecuteNonQueryAsync(cancellationToken);
        }

        var insert = commands.Get(InsertSql, transaction);
        foreach (var (id, title, text) in _inserts.Where(row => !_withdrawn.Contains(row.Id)))
        {
            await insert.Set("$id", id).Set("$title", title).Set("$text", text).ExecuteNonQueryAsync(cancellationToken);
        }

        _deletes.Clear();
        _inserts.Clear();
        _inserted.Clear();
        _withdrawn.Clear();
    }
}
