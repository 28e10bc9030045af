using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Dense search's reads of SQLite: candidates re-scored from their float32 vectors (the store's full-precision copy)
/// and the exact scan the approximate index falls back to. The filter is applied in SQL, as keyword search does.
/// </summary>
internal static class DenseRows
{
    // The date and source rule of SearchFilter, on the paper joined as p.
    public const string FilterSql = """
        ((($from IS NULL OR p.published >= $from) AND ($to IS NULL OR p.published <= $to)) OR ($undated AND p.published IS NULL))
        AND ($source IS NULL OR p.source = $source)
        """;

    private const string CandidatesSql = $"""
        SELECT c.id, c.paper_id, c.ordinal, {ChunkText.Sql}, c.vector FROM chunks c JOIN papers p ON p.id = c.paper_id
        WHERE c.id IN ({JsonIdList.Values}) AND c.vector IS NOT NULL AND {FilterSql}
        """;

    private const string ScanSql = $"""
        SELECT c.id, c.vector FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.vector IS NOT NULL AND {FilterSql}
        """;

    /// <summary>
    /// The best <paramref name="top"/> of the candidate chunks the filter admits, scored as cosine similarity in
    /// float32 (the dot product over the query's norm, as the stored vectors are unit length), best first. Without a
    /// filter the rows come through <paramref name="cache"/>; a filter is applied in SQL, joined to the papers.
    /// </summary>
    public static async Task<List<ChunkHit>> RescoreAsync(
        CommandCache commands, ChunkRowCache cache, IEnumerable<long> candidates, ReadOnlyMemory<float> query, int top, SearchFilter? filter, DenseWork work,
        CancellationToken cancellationToken)
    {
        var norm = TensorPrimitives.Norm(query.Span);
        var scored = new List<(float Score, long Id, ChunkHit Hit)>();
        if (filter is null || filter.IsEmpty)
        {
            foreach (var (id, row) in await ChunkLookup.RowsAsync(commands, cache, candidates, withVectors: true, work, cancellationToken))
            {
                if (row.Vector is { } vector)
                {
                    var score = Score(vector, query.Span, norm);
                    scored.Add((score, id, new ChunkHit(row.Chunk.PaperId, row.Chunk.Ordinal, row.Chunk.Text, score)));
                }
            }
        }
        else
        {
            var command = Bind(commands.Get(CandidatesSql), filter).Set("$ids", JsonIdList.From(candidates));
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var score = Score(reader.GetFieldValue<byte[]>(4), query.Span, norm, work);
                scored.Add((score, reader.GetInt64(0), new ChunkHit(reader.GetString(1), reader.GetInt32(2), reader.GetString(3), score)));
            }
        }

        scored.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Id.CompareTo(y.Id));
        return [.. scored.Take(top).Select(s => s.Hit)];
    }

    /// <summary>Every vector the filter admits, scored in float32: exact, and as slow as the collection is large.</summary>
    public static async Task<List<ChunkHit>> ScanAsync(
        CommandCache commands, ChunkRowCache cache, ReadOnlyMemory<float> query, int top, SearchFilter? filter, DenseWork work, CancellationToken cancellationToken)
    {
        work.CountFullScan();
        var norm = TensorPrimitives.Norm(query.Span);
        var best = new TopScores(top);
        using (var reader = await Bind(commands.Get(ScanSql), filter).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                best.Offer(Score(reader.GetFieldValue<byte[]>(1), query.Span, norm, work), reader.GetInt64(0));
            }
        }

        return await RescoreAsync(commands, cache, best.IdsBestFirst(), query, top, filter, work, cancellationToken);
    }

    private static float Score(byte[] blob, ReadOnlySpan<float> query, float norm, DenseWork work)
    {
        work.AddVectorBytes(blob.Length);
        return Score(VectorBlob.ToVector(blob), query, norm);
    }

    private static float Score(float[] vector, ReadOnlySpan<float> query, float norm) =>
        vector.Length == query.Length ? TensorPrimitives.Dot(vector, query) / norm : float.NaN;

    private static SqliteCommand Bind(SqliteCommand command, SearchFilter? filter) =>
        command
            .Set("$from", PaperRows.FormatDate(filter?.From))
            .Set("$to", PaperRows.FormatDate(filter?.To))
            .Set("$undated", filter?.IncludeUndated ?? false)
            .Set("$source", string.IsNullOrEmpty(filter?.Source) ? null : filter.Source);
}
