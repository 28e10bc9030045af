using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    // A filtered search ranks in SQL, where the join admits only the filter's papers. An unfiltered one on a store of
    // up to inMemoryKeywordChunks chunks ranks the same way from the in-memory term statistics (FtsBm25Ranking); on a
    // larger one, in SQL too, with the term counts on disk (FtsTermRows) choosing the terms (SqlitePaperIndex.Keywords).
    // The two agree exactly until papers are rewritten: a contentless_delete table keeps deleted rows in the row count
    // and token totals bm25() uses, while the statistics count the live rows. Ids and scores only: the text of the hits
    // is read from the chunks table by id afterwards
    // (ChunkLookup), as decoding a few hundred whole abstracts cost more than ranking. bm25() weights follow the FTS column order (title, text): a title match counts double (TitleWeight).
    private const string FilteredKeywordSearchSql = """
        SELECT chunks_fts.rowid, -bm25(chunks_fts, 2.0, 1.0) AS score FROM chunks_fts
        JOIN chunks k ON k.id = chunks_fts.rowid
        JOIN papers p ON p.id = k.paper_id
        WHERE chunks_fts MATCH $match
          AND (($from IS NULL OR p.published >= $from) AND ($to IS NULL OR p.published <= $to)
               OR ($undated AND p.published IS NULL))
          AND ($source IS NULL OR p.source = $source)
        ORDER BY score DESC, chunks_fts.rowid LIMIT $top
        """;

    // The title column's weight in the bm25() call above, for the scores computed outside SQL.
    private const double TitleWeight = 2.0;

    public async Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var terms = FtsQuery.Terms(query);
        if (terms.Count == 0 || top <= 0)
        {
            return [];
        }

        using var _ = await LockAsync(cancellationToken);
        if (SearchesApproximately)
        {
            // A hybrid search's dense half follows: the HNSW file is opened meanwhile, not after.
            _approximate.OpenInBackground(_embedder!);
        }

        var candidates = _feedback.IsOn ? Math.Max(top, _feedback.Candidates) : top;
        var inMemory = await GetChunkTotalAsync(cancellationToken) <= inMemoryKeywordChunks;
        // On disk, feedback's candidate texts come with the first pass's liveness check (one read of the same rows).
        var texts = _feedback.IsOn && !inMemory && filter is not { IsEmpty: false } ? new Dictionary<long, (string Title, string Text)>(candidates) : null;
        var (ranked, queryTerms) = filter is { IsEmpty: false } ? await RankFilteredAsync(query, terms, filter, candidates, cancellationToken)
            : inMemory ? await RankInMemoryAsync(query, terms, candidates, cancellationToken)
            : await RankOnDiskAsync(query, terms, candidates, texts, cancellationToken);
        if (_feedback.IsOn && ranked.Count > 0)
        {
            var statistics = inMemory ? await GetTermStatisticsAsync(cancellationToken) : await ReadFeedbackStatisticsAsync(ranked, texts, cancellationToken);
            ranked = [.. Rm3Reranker.Rerank(ranked, queryTerms, statistics, _feedback, TitleWeight, top)];
        }

        // Read under the lock that writes take, so the rows match the FTS5 rowids just read.
        return await ChunkLookup.HitsAsync(_commands!, _chunkRows, ranked, DenseWork, cancellationToken);
    }

    /// <summary>BM25 from the in-memory term statistics: FTS5's ranking without FTS5's per-query decoding.</summary>
    private async Task<(List<(long Id, double Score)> Ranked, int QueryTerms)> RankInMemoryAsync(
        string query, IReadOnlyList<string> terms, int top, CancellationToken cancellationToken)
    {
        var statistics = await GetTermStatisticsAsync(cancellationToken);
        var stems = await (_stemmer ??= new FtsStemmer(_commands!)).StemAsync(terms, cancellationToken);
        var counted = new List<((string Term, int Id) Term, long Rows)>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var id = stems[i] is { } stem ? statistics.Id(stem) : -1;
            counted.Add(((terms[i], id), id < 0 ? 0 : statistics.DocumentFrequency(id)));
        }

        var informative = Informative(counted, statistics.ChunkCount);
        if (informative.Count == 0)
        {
            return ([], 0);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            Log.KeywordQuery(logger, query, FtsQuery.Match(informative.Select(t => t.Term))); // only SQL needs the expression
        }
        return (FtsBm25Ranking.Rank([.. informative.Select(t => t.Id)], statistics, TitleWeight, top), informative.Count);
    }

    /// <summary>BM25 in SQL, joined to the papers the filter admits.</summary>
    private async Task<(List<(long Id, double Score)> Ranked, int QueryTerms)> RankFilteredAsync(
        string query, IReadOnlyList<string> terms, SearchFilter filter, int top, CancellationToken cancellationToken)
    {
        var informative = await SelectInformativeTermsAsync(terms, cancellationToken);
        if (informative.Count == 0)
        {
            return ([], 0);
        }

        var match = FtsQuery.Match(informative);
        Log.KeywordQuery(logger, query, match);
        var command = _commands!.Get(FilteredKeywordSearchSql)
            .Set("$match", match)
            .Set("$top", top)
            .Set("$from", PaperRows.FormatDate(filter.From))
            .Set("$to", PaperRows.FormatDate(filter.To))
            .Set("$undated", filter.IncludeUndated)
            .Set("$source", string.IsNullOrEmpty(filter.Source) ? null : filter.Source);
        var ranked = new List<(long Id, double Score)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
        }

        return (ranked, informative.Count);
    }

    /// <summary>
    /// The terms worth ranking by. FTS5's bm25 gives a term found in half the chunks or more an IDF of about zero
    /// (it clamps log((N - n + 0.5) / (n + 0.5)) to 1e-6) yet still scores every chunk containing it; dropping
    /// such terms leaves the ranking as it was and skips most of the work. When every term is that common, the
    /// rarest one is kept so the query still finds something.
    /// </summary>
    private async Task<List<string>> SelectInformativeTermsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var chunks = await GetChunkTotalAsync(cancellationToken);
        var rows = await CountTermRowsAsync(terms, cancellationToken);
        return Informative([.. terms.Select((term, i) => (term, rows[i].Rows))], chunks);
    }

    /// <summary>Live chunks (one FTS row each), from the totals kept on disk, read once after each write.</summary>
    private async Task<long> GetChunkTotalAsync(CancellationToken cancellationToken)
    {
        if (_chunkTotal is null)
        {
            (_chunkTotal, _tokenTotal) = await FtsTermRows.ReadTotalsAsync(_commands!, cancellationToken);
        }

        return _chunkTotal.Value;
    }

    /// <summary>The rule of <see cref="SelectInformativeTermsAsync"/> over terms with their chunk counts.</summary>
    private static List<T> Informative<T>(List<(T Term, long Rows)> counted, long chunks)
    {
        var found = counted.Where(c => c.Rows > 0).ToList();
        var informative = found.Where(c => 2 * c.Rows < chunks).Select(c => c.Term).ToList();
        return informative.Count > 0 || found.Count == 0 ? informative : [found.MinBy(c => c.Rows).Term];
    }

    /// <summary>The term statistics, read from FTS5 on the first keyword search after a write; the caller holds the lock.</summary>
    private async Task<FtsTermStatistics> GetTermStatisticsAsync(CancellationToken cancellationToken)
    {
        if (_termStatistics is null)
        {
            var started = Stopwatch.GetTimestamp();
            _termStatistics = await FtsTermStatistics.LoadAsync(_commands!, await GetChunkTotalAsync(cancellationToken), cancellationToken);
            Log.TermStatisticsLoaded(logger, _termStatistics.ChunkCount, _termStatistics.TermCount, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return _termStatistics;
    }
}
