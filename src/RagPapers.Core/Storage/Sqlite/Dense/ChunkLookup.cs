using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Chunks read from SQLite when asked for, by chunk id (search hits) or by paper (a retrieval's papers), through a
/// bounded <see cref="ChunkRowCache"/> instead of a copy of every chunk kept in memory: memory stays the same whatever
/// the collection's size, and a chunk read by one query is not read again by the next.
/// </summary>
internal static class ChunkLookup
{
    // Each read joins the chunk's paper for its abstract (ChunkText), by the paper's primary key. A left join: a chunk is
    // read whether or not its paper is found, as before the join.
    private const string Columns = $"c.id, c.paper_id, c.ordinal, {ChunkText.Sql}";
    private const string Tables = "chunks c LEFT JOIN papers p ON p.id = c.paper_id";

    private const string ByIdSql = $"SELECT {Columns}, c.vector FROM {Tables} WHERE c.id IN ({JsonIdList.Values})";

    private const string TextByIdSql = $"SELECT {Columns} FROM {Tables} WHERE c.id IN ({JsonIdList.Values})";

    private const string ByPaperSql = $"""
        SELECT {Columns}, c.vector FROM {Tables} WHERE c.paper_id IN ({JsonIdList.Values}) ORDER BY c.paper_id, c.ordinal, c.id
        """;

    /// <summary>The hits of <paramref name="ranked"/> chunk ids in the same order; an id without a chunk is dropped.</summary>
    public static async Task<List<ChunkHit>> HitsAsync(
        CommandCache commands, ChunkRowCache cache, IReadOnlyList<(long Id, double Score)> ranked, DenseWork work, CancellationToken cancellationToken)
    {
        var read = await RowsAsync(commands, cache, ranked.Select(r => r.Id), withVectors: false, work, cancellationToken);
        var hits = new List<ChunkHit>(ranked.Count);
        foreach (var (id, score) in ranked)
        {
            if (read.TryGetValue(id, out var row))
            {
                hits.Add(new ChunkHit(row.Chunk.PaperId, row.Chunk.Ordinal, row.Chunk.Text, score));
            }
        }

        return hits;
    }

    /// <summary>
    /// The rows of <paramref name="ids"/> that exist: from the cache, the others in one statement (and cached). Keyword
    /// search asks without vectors, so it never reads a vector blob; a row held without its vector is read again when
    /// the vector is wanted.
    /// </summary>
    public static async Task<Dictionary<long, ChunkRow>> RowsAsync(
        CommandCache commands, ChunkRowCache cache, IEnumerable<long> ids, bool withVectors, DenseWork work, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, ChunkRow>();
        var missing = new List<long>();
        foreach (var id in ids)
        {
            if (cache.TryGet(id, out var row) && (row.VectorRead || !withVectors))
            {
                found[id] = row;
            }
            else if (!found.ContainsKey(id))
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        using var reader = await commands.Get(withVectors ? ByIdSql : TextByIdSql).Set("$ids", JsonIdList.From(missing)).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            found[id] = Read(reader, cache, id, withVectors, work);
        }

        return found;
    }

    /// <summary>The chunks of each paper that has any, in ordinal order, with their vectors (empty while still waiting for one).</summary>
    public static async Task<Dictionary<string, IReadOnlyList<IndexedChunk>>> OfPapersAsync(
        CommandCache commands, ChunkRowCache cache, IEnumerable<string> paperIds, DenseWork work, CancellationToken cancellationToken)
    {
        var byPaper = new Dictionary<string, IReadOnlyList<IndexedChunk>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var paperId in paperIds.Distinct(StringComparer.Ordinal))
        {
            if (!cache.TryGetPaper(paperId, out var rows))
            {
                missing.Add(paperId);
            }
            else if (rows.Length > 0)
            {
                byPaper[paperId] = [.. rows.Select(r => r.ToIndexed())];
            }
        }

        if (missing.Count == 0)
        {
            return byPaper;
        }

        var read = missing.ToDictionary(id => id, _ => new List<(long Id, ChunkRow Row)>(), StringComparer.Ordinal);
        using (var reader = await commands.Get(ByPaperSql).Set("$ids", JsonIdList.From(missing)).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                var row = Read(reader, cache, id, withVector: true, work);
                read[row.Chunk.PaperId].Add((id, row));
            }
        }

        foreach (var (paperId, rows) in read)
        {
            cache.AddPaper(paperId, [.. rows.Select(r => r.Id)]);
            if (rows.Count > 0)
            {
                byPaper[paperId] = [.. rows.Select(r => r.Row.ToIndexed())];
            }
        }

        return byPaper;
    }

    // Columns: id, paper_id, ordinal, text and, when asked for, vector.
    private static ChunkRow Read(SqliteDataReader reader, ChunkRowCache cache, long id, bool withVector, DenseWork work)
    {
        float[]? vector = null;
        if (withVector && !reader.IsDBNull(4))
        {
            var blob = reader.GetFieldValue<byte[]>(4);
            work.AddVectorBytes(blob.Length);
            vector = VectorBlob.ToVector(blob);
        }

        var row = new ChunkRow(new Chunk(reader.GetString(1), reader.GetInt32(2), reader.GetString(3)), vector, withVector);
        cache.Add(id, row);
        return row;
    }
}
