using System.Diagnostics.CodeAnalysis;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Chunk rows (text and float32 vector) read since the last write: a ranking 100 deep reads mostly the same chunks
/// query after query, and reading them from SQLite each time (a row, a UTF-8 text, a vector blob) cost more than the
/// ranking itself. Bounded: past its budget it starts over, so memory stays the same whatever the collection's size.
/// Used under the index's lock only.
/// </summary>
internal sealed class ChunkRowCache(long budgetBytes)
{
    // Per row besides its text and vector: the dictionary entry, the row object and its strings' headers.
    private const int RowOverheadBytes = 120;

    private readonly Dictionary<long, ChunkRow> _rows = [];
    private readonly Dictionary<string, long[]> _byPaper = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>The budget SciFact's 5,183 abstracts fit in with their vectors (about 24 MB), so an evaluation reads each chunk once.</summary>
    public const long DefaultBudgetBytes = 32L << 20;

    public int Count => _rows.Count;

    public void Clear()
    {
        _rows.Clear();
        _byPaper.Clear();
        _bytes = 0;
    }

    public bool TryGet(long id, [MaybeNullWhen(false)] out ChunkRow row) => _rows.TryGetValue(id, out row);

    /// <summary>Every chunk of a paper, when they were read together and are all still held.</summary>
    public bool TryGetPaper(string paperId, [MaybeNullWhen(false)] out ChunkRow[] chunks)
    {
        chunks = null;
        if (!_byPaper.TryGetValue(paperId, out var ids))
        {
            return false;
        }

        var found = new ChunkRow[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_rows.TryGetValue(ids[i], out var row))
            {
                return false;
            }

            found[i] = row;
        }

        chunks = found;
        return true;
    }

    /// <summary>Adds a row, or replaces the one held (a row read again with its vector).</summary>
    public void Add(long id, ChunkRow row)
    {
        if (_rows.Remove(id, out var held))
        {
            _bytes -= Size(held);
        }

        var size = Size(row);
        if (_bytes + size > budgetBytes)
        {
            Clear();
        }

        _rows[id] = row;
        _bytes += size;
    }

    private static long Size(ChunkRow row) =>
        RowOverheadBytes + ((long)row.Chunk.Text.Length * sizeof(char)) + ((row.Vector?.Length ?? 0) * sizeof(float));

    /// <summary>Records that <paramref name="ids"/> (added before) are all of a paper's chunks, in ordinal order.</summary>
    public void AddPaper(string paperId, long[] ids)
    {
        if (ids.All(_rows.ContainsKey))
        {
            _byPaper[paperId] = ids;
        }
    }
}
