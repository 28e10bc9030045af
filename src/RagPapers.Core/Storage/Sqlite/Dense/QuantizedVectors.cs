using System.Globalization;
using System.Runtime.CompilerServices;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The exact scan of a store below the approximate index's threshold: every chunk vector as int8 with a per-vector
/// scale (a quarter of float32's memory), with the date and source a filter needs. It ranks candidates only; the
/// caller re-scores them from the float32 vectors in SQLite, so the final scores are exactly those of a float scan.
/// Loaded on the first dense search after a write, never at open.
/// </summary>
internal sealed class QuantizedVectors
{
    private const int Undated = int.MinValue;

    private readonly long[] _ids;
    private readonly sbyte[] _values;
    private readonly float[] _scales;
    private readonly int[] _days;
    private readonly int[] _sourceIndexes;
    private readonly string[] _sources;
    private readonly int _dimensions;

    private QuantizedVectors(long[] ids, sbyte[] values, float[] scales, int[] days, int[] sourceIndexes, string[] sources, int dimensions) =>
        (this._ids, this._values, this._scales, this._days, this._sourceIndexes, this._sources, this._dimensions) = (ids, values, scales, days, sourceIndexes, sources, dimensions);

    public int Count => _ids.Length;

    /// <summary>Bytes of float32 vectors read from SQLite to build it.</summary>
    public long BytesRead => (long)_ids.Length * _dimensions * sizeof(float);

    public static async Task<QuantizedVectors> LoadAsync(CommandCache commands, int dimensions, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        var values = new List<sbyte>();
        var scales = new List<float>();
        var days = new List<int>();
        var sourceIndexes = new List<int>();
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        var row = new float[dimensions];
        var quantized = new sbyte[dimensions];

        // In rowid order, as the float scan before it: the lower chunk id wins a tie.
        const string Sql = "SELECT c.id, c.vector, p.published, p.source FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.vector IS NOT NULL ORDER BY c.id";
        using var reader = await commands.Get(Sql).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            VectorBlob.CopyTo(reader.GetFieldValue<byte[]>(1), row);
            scales.Add(Int8Quantizer.Quantize(row, quantized));
            values.AddRange(quantized);
            ids.Add(reader.GetInt64(0));
            days.Add(reader.IsDBNull(2) ? Undated : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber);
            var source = reader.GetString(3);
            if (!sources.TryGetValue(source, out var index))
            {
                index = sources.Count;
                sources.Add(source, index);
            }

            sourceIndexes.Add(index);
        }

        return new QuantizedVectors([.. ids], [.. values], [.. scales], [.. days], [.. sourceIndexes], [.. sources.Keys], dimensions);
    }

    /// <summary>The ids of the <paramref name="depth"/> chunks the filter admits whose int8 vectors score best against <paramref name="query"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a CLI run searches once: the scan must not start in unoptimized code
    public List<long> Candidates(ReadOnlySpan<float> query, int depth, SearchFilter? filter)
    {
        if (!TryResolve(filter, out var from, out var to, out var sourceIndex))
        {
            return [];
        }

        var includeUndated = filter?.IncludeUndated ?? false;
        var best = new TopScores(depth);
        for (var row = 0; row < _ids.Length; row++)
        {
            if (((_days[row] < from || _days[row] > to) && !(includeUndated && _days[row] == Undated))
                || (sourceIndex >= 0 && _sourceIndexes[row] != sourceIndex))
            {
                continue;
            }

            best.Offer(Int8Dot.Dot(_values.AsSpan(row * _dimensions, _dimensions), query) * _scales[row], _ids[row]);
        }

        return best.IdsBestFirst();
    }

    private bool TryResolve(SearchFilter? filter, out int from, out int to, out int sourceIndex)
    {
        // Undated chunks sit at int.MinValue: a lower bound just above it drops them whenever any date bound is
        // given, as SQL's NULL comparison does, unless the filter includes undated papers.
        from = filter?.From?.DayNumber ?? (filter?.To is null ? Undated : Undated + 1);
        to = filter?.To?.DayNumber ?? int.MaxValue;
        sourceIndex = -1;
        if (string.IsNullOrEmpty(filter?.Source))
        {
            return true;
        }

        sourceIndex = Array.IndexOf(_sources, filter.Source);
        return sourceIndex >= 0;
    }
}
