using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// An immutable in-memory copy of every chunk vector (one contiguous row-major matrix) with the per-chunk
/// date and source needed to filter and the chunk itself (<see cref="ChunkRows"/>), so a vector search is a
/// brute-force scan without touching SQLite, and a paper's chunks are read from memory. A chunk still waiting for
/// its vector has a row (its text serves keyword search) that dense search skips and whose vector reads as empty.
/// </summary>
internal sealed class VectorMatrix
{
    private const int Undated = int.MinValue;

    private readonly float[] values;
    private readonly bool[] embedded;
    private readonly ChunkRows chunks;
    private readonly int[] days;
    private readonly int[] sourceIndexes;
    private readonly string[] sources;
    private readonly int dimensions;

    private VectorMatrix(float[] values, bool[] embedded, ChunkRows chunks, int[] days, int[] sourceIndexes, string[] sources, int dimensions)
    {
        this.values = values;
        this.embedded = embedded;
        this.chunks = chunks;
        this.days = days;
        this.sourceIndexes = sourceIndexes;
        this.sources = sources;
        this.dimensions = dimensions;
    }

    public int Count => days.Length;

    public static async Task<VectorMatrix> LoadAsync(CommandCache commands, int dimensions, CancellationToken cancellationToken)
    {
        var count = (int)(long)(await commands.Get("SELECT count(*) FROM chunks").ExecuteScalarAsync(cancellationToken))!;
        var values = new float[count * dimensions];
        var embedded = new bool[count];
        var chunks = new ChunkRows.Builder(count);
        var days = new int[count];
        var sourceIndexes = new int[count];
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);

        // No ORDER BY, as before the chunk columns were added: the rows' order breaks ties between equal scores.
        var command = commands.Get("SELECT c.vector, p.published, p.source, c.paper_id, c.ordinal, c.text, c.id FROM chunks c JOIN papers p ON p.id = c.paper_id");
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = 0;
        while (row < count && await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0))
            {
                VectorBlob.CopyTo(reader.GetFieldValue<byte[]>(0), values.AsSpan(row * dimensions, dimensions));
                embedded[row] = true;
            }

            days[row] = reader.IsDBNull(1) ? Undated : DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
            chunks.Add(reader.GetInt64(6), reader.GetString(3), reader.GetInt32(4), reader.GetString(5));
            var source = reader.GetString(2);
            if (!sources.TryGetValue(source, out var index))
            {
                index = sources.Count;
                sources.Add(source, index);
            }

            sourceIndexes[row++] = index;
        }

        if (row < count)
        {
            // Fewer rows than chunks (a chunk without its paper): no row may be scanned that has no chunk behind it.
            (values, embedded, days, sourceIndexes) = (values[..(row * dimensions)], embedded[..row], days[..row], sourceIndexes[..row]);
        }

        return new VectorMatrix(values, embedded, chunks.Build(), days, sourceIndexes, sources.Keys.ToArray(), dimensions);
    }

    /// <summary>The chunk whose rowid is <paramref name="chunkId"/>, as a hit scored <paramref name="score"/>; null when not loaded.</summary>
    public ChunkHit? Hit(long chunkId, double score)
    {
        if (!chunks.TryGetRow(chunkId, out var row))
        {
            return null;
        }

        var chunk = chunks[row];
        return new ChunkHit(chunk.PaperId, chunk.Ordinal, chunk.Text, score);
    }

    /// <summary>
    /// A paper's chunks in ordinal order, empty for an unknown paper; each vector is a view of its row, not a copy,
    /// and empty for a chunk still waiting for its vector.
    /// </summary>
    public IReadOnlyList<IndexedChunk> ChunksOf(string paperId) =>
        [.. chunks.RowsOf(paperId).Select(row => new IndexedChunk(chunks[row], embedded[row] ? values.AsMemory(row * dimensions, dimensions) : ReadOnlyMemory<float>.Empty))];

    /// <summary>The <paramref name="top"/> chunks most similar to <paramref name="query"/>, best first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a CLI run searches once: the scan must not start in unoptimized code
    public IReadOnlyList<ChunkHit> Search(ReadOnlySpan<float> query, int top, SearchFilter? filter)
    {
        if (query.Length != dimensions)
        {
            throw new ArgumentException($"The query vector has {query.Length} dimensions; the store holds {dimensions}.", nameof(query));
        }

        var norm = TensorPrimitives.Norm(query);
        if (top <= 0 || norm == 0 || !TryResolve(filter, out var from, out var to, out var sourceIndex))
        {
            return [];
        }

        var includeUndated = filter?.IncludeUndated ?? false;

        // A min-heap of the best rows so far: one pass, O(n log k), no full sort.
        var best = new PriorityQueue<int, (float Score, int Row)>(top + 1, WorstFirst.Instance);
        for (var row = 0; row < days.Length; row++)
        {
            if (!embedded[row]
                || ((days[row] < from || days[row] > to) && !(includeUndated && days[row] == Undated))
                || (sourceIndex >= 0 && sourceIndexes[row] != sourceIndex))
            {
                continue;
            }

            var candidate = (TensorPrimitives.Dot(values.AsSpan(row * dimensions, dimensions), query) / norm, row);
            if (best.Count < top)
            {
                best.Enqueue(row, candidate);
            }
            else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(candidate, worst) > 0)
            {
                best.DequeueEnqueue(row, candidate);
            }
        }

        var hits = new ChunkHit[best.Count];
        for (var i = hits.Length - 1; best.TryDequeue(out var row, out var ranked); i--)
        {
            var chunk = chunks[row];
            hits[i] = new ChunkHit(chunk.PaperId, chunk.Ordinal, chunk.Text, ranked.Score);
        }

        return hits;
    }

    private bool TryResolve(SearchFilter? filter, out int from, out int to, out int sourceIndex)
    {
        // Undated chunks sit at int.MinValue: a lower bound just above it drops them whenever any date bound is
        // given, as SQL's NULL comparison does in keyword search, unless the filter includes undated papers.
        from = filter?.From?.DayNumber ?? (filter?.To is null ? Undated : Undated + 1);
        to = filter?.To?.DayNumber ?? int.MaxValue;
        sourceIndex = -1;
        if (string.IsNullOrEmpty(filter?.Source))
        {
            return true;
        }

        sourceIndex = Array.IndexOf(sources, filter.Source);
        return sourceIndex >= 0;
    }

    /// <summary>Orders candidates worst first: lower score, then (on a tie) the later row, so results are deterministic.</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Row) x, (float Score, int Row) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Row.CompareTo(x.Row);
    }
}
