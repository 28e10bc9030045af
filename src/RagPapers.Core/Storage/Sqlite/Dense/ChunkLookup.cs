
namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Chunks read from SQLite when asked for, by chunk id (keyword hits) or by paper (a retrieval's papers), instead of
/// a copy of every chunk kept in memory: memory stays the same whatever the collection's size.
/// </summary>
internal static class ChunkLookup
{
    private const string ByIdSql = "SELECT id, paper_id, ordinal, text FROM chunks WHERE id IN (SELECT value FROM json_each($ids))";

    private const string ByPaperSql = $"""
        SELECT paper_id, ordinal, text, vector FROM chunks WHERE paper_id IN ({JsonIdList.Values}) ORDER BY paper_id, ordinal, id
        """;

    /// <summary>The hits of <paramref name="ranked"/> chunk ids in the same order; an id without a chunk is dropped.</summary>
    public static async Task<List<ChunkHit>> HitsAsync(CommandCache commands, IReadOnlyList<(long Id, double Score)> ranked, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<long, (string PaperId, int Ordinal, string Text)>(ranked.Count);
        var ids = $"[{string.Join(',', ranked.Select(r => r.Id))}]";
        using (var reader = await commands.Get(ByIdSql).Set("$ids", ids).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetInt32(2), reader.GetString(3));
            }
        }

        var hits = new List<ChunkHit>(ranked.Count);
        foreach (var (id, score) in ranked)
        {
            if (rows.TryGetValue(id, out var row))
            {
                hits.Add(new ChunkHit(row.PaperId, row.Ordinal, row.Text, score));
            }
        }

        return hits;
    }

    /// <summary>The chunks of each paper that has any, in ordinal order, with their vectors (empty while still waiting for one).</summary>
    public static async Task<Dictionary<string, IReadOnlyList<IndexedChunk>>> OfPapersAsync(
        CommandCache commands, IEnumerable<string> paperIds, DenseWork work, CancellationToken cancellationToken)
    {
        var byPaper = new Dictionary<string, List<IndexedChunk>>(StringComparer.Ordinal);
        using (var reader = await commands.Get(ByPaperSql).Set("$ids", JsonIdList.From(paperIds.Distinct(StringComparer.Ordinal))).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var chunk = new Chunk(reader.GetString(0), reader.GetInt32(1), reader.GetString(2));
                var vector = reader.IsDBNull(3) ? ReadOnlyMemory<float>.Empty : Vector(reader.GetFieldValue<byte[]>(3), work);
                if (!byPaper.TryGetValue(chunk.PaperId, out var chunks))
                {
                    byPaper[chunk.PaperId] = chunks = [];
                }

                chunks.Add(new IndexedChunk(chunk, vector));
            }
        }

        return byPaper.ToDictionary(p => p.Key, p => (IReadOnlyList<IndexedChunk>)p.Value, StringComparer.Ordinal);
    }

    private static float[] Vector(byte[] blob, DenseWork work)
    {
        work.AddVectorBytes(blob.Length);
        return VectorBlob.ToVector(blob);
    }
}
