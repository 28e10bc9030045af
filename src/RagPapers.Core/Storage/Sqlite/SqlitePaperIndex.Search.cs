using System.Diagnostics;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    // Ids and scores only: the text of the hits comes from the in-memory chunk rows (VectorMatrix), as decoding
    // a few hundred whole abstracts from SQLite cost more than the ranking itself.
    // bm25() weights follow the FTS column order (title, text): a title match counts double (TitleWeight).
    private const string KeywordSearchSql = """
        SELECT rowid, -bm25(chunks_fts, 2.0, 1.0) AS score FROM chunks_fts
        WHERE chunks_fts MATCH $match ORDER BY score DESC, rowid LIMIT $top
        """;

    private const string FilteredKeywordSearchSql = """
        SELECT chunks_fts.rowid, -bm25(chunks_fts, 2.0, 1.0) AS score FROM chunks_fts
        JOIN chunks k ON k.id = chunks_fts.rowid
        JOIN papers p ON p.id = k.paper_id
        WHERE chunks_fts MATCH $match
          AND ($from IS NULL OR p.published >= $from)
          AND ($to IS NULL OR p.published <= $to)
          AND ($source IS NULL OR p.source = $source)
        ORDER BY score DESC, chunks_fts.rowid LIMIT $top
        """;

    // The title column's weight in the bm25() calls above, for the feedback terms scored outside SQL.
    private const double TitleWeight = 2.0;

    // Bounds the term statistics a long-running server keeps between writes.
    private const int MaxCachedTerms = 50_000;

    public async Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var terms = FtsQuery.Terms(query);
        if (terms.Count == 0 || top <= 0)
        {
            return [];
        }

        using var _ = await LockAsync(cancellationToken);
        var informative = await SelectInformativeTermsAsync(terms, cancellationToken);
        if (informative.Count == 0)
        {
            return [];
        }

        var match = FtsQuery.Match(informative);
        Log.KeywordQuery(logger, query, match);
        var feedback = this.feedback.IsOn;
        var filtered = filter is { IsEmpty: false };
        var command = commands!.Get(filtered ? FilteredKeywordSearchSql : KeywordSearchSql)
            .Set("$match", match)
            .Set("$top", feedback ? Math.Max(top, this.feedback.Candidates) : top);
        if (filtered)
        {
            command.Set("$from", PaperRows.FormatDate(filter!.From)).Set("$to", PaperRows.FormatDate(filter.To))
                .Set("$source", string.IsNullOrEmpty(filter.Source) ? null : filter.Source);
        }

        var ranked = new List<(long Id, double Score)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
        }

        if (feedback && ranked.Count > 0)
        {
            termStatistics ??= await LoadTermStatisticsAsync(cancellationToken);
            ranked = [.. Rm3Reranker.Rerank(ranked, informative.Count, termStatistics, this.feedback, TitleWeight, top)];
        }

        // Loaded under the lock that writes take, so the rows match the FTS5 rowids just read.
        var rows = await LoadMatrixAsync(cancellationToken);
        var hits = new List<ChunkHit>(ranked.Count);
        foreach (var (id, score) in ranked)
        {
            if (rows.Hit(id, score) is { } hit)
            {
                hits.Add(hit);
            }
        }

        return hits;
    }

    public async Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        // Scored outside the lock on an immutable snapshot that holds the chunks' text too: concurrent searches never queue.
        var snapshot = await GetMatrixAsync(cancellationToken);
        return snapshot.Search(query.Span, top, filter);
    }

    /// <summary>
    /// The terms worth ranking by. FTS5's bm25 gives a term found in half the chunks or more an IDF of about zero
    /// (it clamps log((N - n + 0.5) / (n + 0.5)) to 1e-6) yet still scores every chunk containing it; dropping
    /// such terms leaves the ranking as it was and skips most of the work. When every term is that common, the
    /// rarest one is kept so the query still finds something.
    /// </summary>
    private async Task<List<string>> SelectInformativeTermsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        chunkTotal ??= (long)(await commands!.Get("SELECT count(*) FROM chunks").ExecuteScalarAsync(cancellationToken))!;
        var counted = new List<(string Term, long Rows)>(terms.Count);
        foreach (var term in terms)
        {
            if (!termRows.TryGetValue(term, out var rows))
            {
                var command = commands!.Get("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH $term").Set("$term", FtsQuery.Quote(term));
                rows = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                if (termRows.Count >= MaxCachedTerms)
                {
                    termRows.Clear();
                }

                termRows[term] = rows;
            }

            if (rows > 0)
            {
                counted.Add((term, rows));
            }
        }

        var informative = counted.Where(c => 2 * c.Rows < chunkTotal).Select(c => c.Term).ToList();
        return informative.Count > 0 || counted.Count == 0 ? informative : [counted.MinBy(c => c.Rows).Term];
    }

    private async Task<FtsTermStatistics> LoadTermStatisticsAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var statistics = await FtsTermStatistics.LoadAsync(commands!, cancellationToken);
        Log.TermStatisticsLoaded(logger, statistics.ChunkCount, statistics.TermCount, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return statistics;
    }

    private async Task<VectorMatrix> GetMatrixAsync(CancellationToken cancellationToken)
    {
        // A loaded snapshot is immutable and a write only swaps the field, so it is taken without the lock: a vector
        // search must not wait for a keyword search that holds the connection.
        if (Volatile.Read(ref matrix) is { } loaded)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return loaded;
        }

        using var _ = await LockAsync(cancellationToken);
        return await LoadMatrixAsync(cancellationToken);
    }

    /// <summary>The matrix, loaded first if a write dropped it; the caller holds the lock.</summary>
    private async Task<VectorMatrix> LoadMatrixAsync(CancellationToken cancellationToken)
    {
        if (matrix is null)
        {
            matrix = await VectorMatrix.LoadAsync(commands!, embedder!.Dimensions, cancellationToken);
            Log.VectorsLoaded(logger, matrix.Count, embedder.Dimensions);
        }

        return matrix;
    }
}
