using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    // A search on a store of up to inMemoryKeywordChunks chunks ranks from the in-memory term statistics
    // (FtsBm25Ranking); on a larger one, from the postings on disk (SqlitePaperIndex.Postings), with the term counts on
    // disk (FtsTermRows) choosing the terms. Both score as FTS5's bm25() did over the live chunks, and a filter only
    // admits chunks: the statistics stay the collection's. Ids and scores only: the text of the hits is read from the
    // chunks table by id afterwards (ChunkLookup).

    // FTS5's bm25(chunks_fts, 2.0, 1.0) weights: a title match counts double.
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
        var admits = filter is { IsEmpty: false } ? filter : null;
        // On disk, feedback's candidate texts come with the first pass's check of the chunks (one read of the same rows).
        var texts = _feedback.IsOn && !inMemory ? new Dictionary<long, (string Title, string Text)>(candidates) : null;
        var (ranked, queryTerms) = inMemory
            ? await RankInMemoryAsync(query, terms, candidates, admits, cancellationToken)
            : await RankOnDiskAsync(query, terms, candidates, admits, texts, cancellationToken);
        if (_feedback.IsOn && ranked.Count > 0)
        {
            var statistics = inMemory ? await GetTermStatisticsAsync(cancellationToken) : await ReadFeedbackStatisticsAsync(ranked, texts, cancellationToken);
            ranked = [.. Rm3Reranker.Rerank(ranked, queryTerms, statistics, _feedback, TitleWeight, top)];
        }

        // Read under the lock that writes take, so the rows are those of the chunk ids just ranked.
        return await ChunkLookup.HitsAsync(_commands!, _chunkRows, ranked, DenseWork, cancellationToken);
    }

    /// <summary>BM25 from the in-memory term statistics: FTS5's ranking without FTS5's per-query decoding.</summary>
    private async Task<(List<(long Id, double Score)> Ranked, int QueryTerms)> RankInMemoryAsync(
        string query, IReadOnlyList<string> terms, int top, SearchFilter? filter, CancellationToken cancellationToken)
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
        var admitted = filter is null ? null : await AdmittedChunksAsync(statistics, filter, cancellationToken);
        return (FtsBm25Ranking.Rank([.. informative.Select(t => t.Id)], statistics, TitleWeight, top, admitted), informative.Count);
    }

    /// <summary>Which of the statistics' chunks (by index) belong to papers the filter admits.</summary>
    private async Task<bool[]> AdmittedChunksAsync(FtsTermStatistics statistics, SearchFilter filter, CancellationToken cancellationToken)
    {
        var admitted = new bool[statistics.IndexedChunks];
        using var reader = await _commands!.Get(SearchFilterSql.AdmittedChunksSql(filter)).SetFilter(filter).ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            if (statistics.IndexOf(reader.GetInt64(0)) is var index and >= 0)
            {
                admitted[index] = true;
            }
        }

        return admitted;
    }

    /// <summary>Live chunks, from the totals kept on disk, read once after each write.</summary>
    private async Task<long> GetChunkTotalAsync(CancellationToken cancellationToken)
    {
        if (_chunkTotal is null)
        {
            (_chunkTotal, _tokenTotal) = await FtsTermRows.ReadTotalsAsync(_commands!, cancellationToken);
        }

        return _chunkTotal.Value;
    }

    /// <summary>
    /// The terms worth ranking by, from their chunk counts. FTS5's bm25 gives a term found in half the chunks or more an
    /// IDF of about zero (it clamps log((N - n + 0.5) / (n + 0.5)) to 1e-6) yet still scores every chunk containing it;
    /// dropping such terms leaves the ranking as it was and skips most of the work. When every term is that common, the
    /// rarest one is kept so the query still finds something.
    /// </summary>
    private static List<T> Informative<T>(List<(T Term, long Rows)> counted, long chunks)
    {
        var found = counted.Where(c => c.Rows > 0).ToList();
        var informative = found.Where(c => 2 * c.Rows < chunks).Select(c => c.Term).ToList();
        return informative.Count > 0 || found.Count == 0 ? informative : [found.MinBy(c => c.Rows).Term];
    }

    /// <summary>The term statistics, read from the postings on the first keyword search after a write; the caller holds the lock.</summary>
    private async Task<FtsTermStatistics> GetTermStatisticsAsync(CancellationToken cancellationToken)
    {
        if (_termStatistics is null)
        {
            var started = Stopwatch.GetTimestamp();
            _termStatistics = await KeywordPostingStatistics.LoadAsync(_commands!, await GetChunkTotalAsync(cancellationToken), cancellationToken);
            Log.TermStatisticsLoaded(logger, _termStatistics.ChunkCount, _termStatistics.TermCount, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return _termStatistics;
    }
}
