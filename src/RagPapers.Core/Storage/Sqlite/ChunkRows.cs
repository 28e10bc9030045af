using System.Buffers;
using System.Text;
using RagPapers.Ingestion;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Paper id, ordinal and text of every row of a <see cref="VectorMatrix"/>, and each paper's rows, so a vector search's
/// hits and a paper's chunks come from memory instead of from SQLite on every query. The texts are kept as UTF-8 in
/// one buffer: half the size of strings and no object per chunk, while decoding the few hundred a query needs costs
/// microseconds.
/// </summary>
internal sealed class ChunkRows
{
    private readonly Dictionary<long, int> rowsById;
    private readonly string[] paperIds;
    private readonly int[] ordinals;
    private readonly byte[] text;
    private readonly int[] textStarts; // row i's text is text[textStarts[i]..textStarts[i + 1]]
    private readonly Dictionary<string, int[]> rowsByPaper;

    private ChunkRows(Dictionary<long, int> rowsById, string[] paperIds, int[] ordinals, byte[] text, int[] textStarts, Dictionary<string, int[]> rowsByPaper)
    {
        this.rowsById = rowsById;
        this.paperIds = paperIds;
        this.ordinals = ordinals;
        this.text = text;
        this.textStarts = textStarts;
        this.rowsByPaper = rowsByPaper;
    }

    public Chunk this[int row] => new(paperIds[row], ordinals[row], Encoding.UTF8.GetString(text.AsSpan(textStarts[row]..textStarts[row + 1])));

    /// <summary>The row of the chunk whose SQLite rowid (and FTS5 rowid) is <paramref name="chunkId"/>.</summary>
    public bool TryGetRow(long chunkId, out int row) => rowsById.TryGetValue(chunkId, out row);

    /// <summary>The rows of a paper's chunks in ordinal order; empty for a paper without chunks.</summary>
    public IReadOnlyList<int> RowsOf(string paperId) => rowsByPaper.TryGetValue(paperId, out var rows) ? rows : [];

    /// <summary>Collects the rows in matrix order while the matrix loads.</summary>
    public sealed class Builder(int capacity)
    {
        private readonly Dictionary<long, int> rowsById = new(capacity);
        private readonly string[] paperIds = new string[capacity];
        private readonly int[] ordinals = new int[capacity];
        private readonly int[] textStarts = new int[capacity + 1];
        private readonly ArrayBufferWriter<byte> text = new();
        private readonly Dictionary<string, List<int>> rowsByPaper = new(StringComparer.Ordinal);
        private int count;

        public void Add(long chunkId, string paperId, int ordinal, string chunkText)
        {
            rowsById[chunkId] = count;
            paperIds[count] = paperId;
            ordinals[count] = ordinal;
            text.Advance(Encoding.UTF8.GetBytes(chunkText, text.GetSpan(Encoding.UTF8.GetMaxByteCount(chunkText.Length))));
            textStarts[count + 1] = text.WrittenCount;
            if (!rowsByPaper.TryGetValue(paperId, out var rows))
            {
                rowsByPaper.Add(paperId, rows = []);
            }

            rows.Add(count++);
        }

        public ChunkRows Build()
        {
            var byPaper = new Dictionary<string, int[]>(rowsByPaper.Count, StringComparer.Ordinal);
            foreach (var (paperId, rows) in rowsByPaper)
            {
                byPaper.Add(paperId, [.. rows.OrderBy(row => ordinals[row])]);
            }

            return new ChunkRows(rowsById, paperIds[..count], ordinals[..count], text.WrittenSpan.ToArray(), textStarts[..(count + 1)], byPaper);
        }
    }
}
