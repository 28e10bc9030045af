using System.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Paper id, ordinal and text of every row of a <see cref="VectorMatrix"/>, and each paper's rows, so a vector search's
/// hits and a paper's chunks come from memory instead of from SQLite on every query. The texts are kept as UTF-8 in
/// blocks of 1 MB: half the size of strings, no object per chunk and no copying as the store grows, while decoding the
/// few hundred texts a query needs costs microseconds.
/// </summary>
internal sealed class ChunkRows
{
    private const int BlockSize = 1 << 20;

    private readonly Dictionary<long, int> rowsById;
    private readonly string[] paperIds;
    private readonly int[] ordinals;
    private readonly byte[][] blocks;
    private readonly (int Block, int Start, int Length)[] texts;
    private readonly Dictionary<string, int[]> rowsByPaper;

    private ChunkRows(Dictionary<long, int> rowsById, string[] paperIds, int[] ordinals, byte[][] blocks, (int, int, int)[] texts, Dictionary<string, int[]> rowsByPaper)
    {
        this.rowsById = rowsById;
        this.paperIds = paperIds;
        this.ordinals = ordinals;
        this.blocks = blocks;
        this.texts = texts;
        this.rowsByPaper = rowsByPaper;
    }

    public Chunk this[int row]
    {
        get
        {
            var (block, start, length) = texts[row];
            return new Chunk(paperIds[row], ordinals[row], Encoding.UTF8.GetString(blocks[block], start, length));
        }
    }

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
        private readonly (int, int, int)[] texts = new (int, int, int)[capacity];
        private readonly List<byte[]> blocks = [];
        private readonly Dictionary<string, List<int>> rowsByPaper = new(StringComparer.Ordinal);
        private int used = BlockSize;
        private int count;

        public void Add(long chunkId, string paperId, int ordinal, string text)
        {
            rowsById[chunkId] = count;
            var length = Encoding.UTF8.GetByteCount(text);
            if (blocks.Count == 0 || used + length > blocks[^1].Length)
            {
                blocks.Add(new byte[Math.Max(BlockSize, length)]); // a text never spans two blocks
                used = 0;
            }

            Encoding.UTF8.GetBytes(text, blocks[^1].AsSpan(used));
            texts[count] = (blocks.Count - 1, used, length);
            used += length;
            paperIds[count] = paperId;
            ordinals[count] = ordinal;
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

            return new ChunkRows(rowsById, paperIds[..count], ordinals[..count], [.. blocks], texts[..count], byPaper);
        }
    }
}
