using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// An immutable in-memory copy of every chunk vector (one contiguous row-major matrix) with the per-chunk
/// date and source needed to filter, so a vector search is a brute-force scan without touching SQLite.
/// </summary>
internal sealed class VectorMatrix
{
    private const int Undated = int.MinValue;

    private readonly float[] values;
    private readonly long[] chunkIds;
    private readonly int[] days;
    private readonly int[] sourceIndexes;
    private readonly string[] sources;
    private readonly int dimensions;

    private VectorMatrix(float[] values, long[] chunkIds, int[] days, int[] sourceIndexes, string[] sources, int dimensions)
    {
        this.values = values;
        this.chunkIds = chunkIds;
        this.days = days;
        this.sourceIndexes = sourceIndexes;
        this.sources = sources;
        this.dimensions = dimensions;
    }

    public int Count => chunkIds.Length;

    public static async Task<VectorMatrix> LoadAsync(CommandCache commands, int dimensions, CancellationToken cancellationToken)
    {
        var count = (int)(long)(await commands.Get("SELECT count(*) FROM chunks").ExecuteScalarAsync(cancellationToken))!;
        var values = new float[count * dimensions];
        var ids = new long[count];
        var days = new int[count];
        var sourceIndexes = new int[count];
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        var command = commands.Get("SELECT c.id, c.vector, p.published, p.source FROM chunks c JOIN papers p ON p.id = c.paper_id");
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = 0;
        while (row < count && await reader.ReadAsync(cancellationToken))
        {
            ids[row] = reader.GetInt64(0);
            VectorBlob.CopyTo(reader.GetFieldValue<byte[]>(1), values.AsSpan(row * dimensions, dimensions));
            days[row] = reader.IsDBNull(2) ? Undated : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
            var source = reader.GetString(3);
            if (!sources.TryGetValue(source, out var index))
            {
                index = sources.Count;
                sources.Add(source, index);
            }

            sourceIndexes[row++] = index;
        }

        return new VectorMatrix(values, ids, days, sourceIndexes, sources.Keys.ToArray(), dimensions);
    }

    /// <summary>The <paramref name="top"/> chunk ids most similar to <paramref name="query"/>, best first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a CLI run searches once: the scan must not start in unoptimized code
    public IReadOnlyList<(long ChunkId, float Score)> Search(ReadOnlySpan<float> query, int top, SearchFilter? filter)
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

        // A min-heap of the best rows so far: one pass, O(n log k), no full sort.
        var best = new PriorityQueue<int, (float Score, int Row)>(top + 1, WorstFirst.Instance);
        for (var row = 0; row < chunkIds.Length; row++)
        {
            if (days[row] < from || days[row] > to || (sourceIndex >= 0 && sourceIndexes[row] != sourceIndex))
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

        var hits = new (long, float)[best.Count];
        for (var i = hits.Length - 1; best.TryDequeue(out var row, out var ranked); i--)
        {
            hits[i] = (chunkIds[row], ranked.Score);
        }

        return hits;
    }

    private bool TryResolve(SearchFilter? filter, out int from, out int to, out int sourceIndex)
    {
        // Undated chunks sit at int.MinValue: a lower bound just above it drops them whenever any date bound is
        // given, as SQL's NULL comparison does in keyword search.
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
