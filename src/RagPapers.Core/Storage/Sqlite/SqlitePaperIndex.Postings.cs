using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The keyword postings of a large store (<see cref="KeywordPostingRows"/>): read beside each write from the
/// tokenization that counts its terms (<see cref="AddedPostings"/>), stored in its transaction, and ranked from by
/// keyword search above Store:Sqlite:InMemoryKeywordChunks.
/// </summary>
public sealed partial class SqlitePaperIndex
{
    private KeywordPostingsRanking? _postingsRanking;
    private bool _largeCache;

    // SQLite's default page cache is 2 MB. A large store's keyword search needs more to keep its common words' postings
    // between questions (warm p50 at a million papers 70 -> 60 ms, +86 MB), and an ingest's batches change pages all
    // over the term counts, the vocabulary and the postings' and dates' indexes, which with 2 MB left the cache mid-write,
    // went to the WAL early and were read back (100,000 papers into a million-paper store: 10 % faster, a third less
    // system time). Set on first need, not at open: a one-shot search paid 0.1 s for it before its first question.
    private const string LargeCacheSql = "PRAGMA cache_size = -65536";

    /// <summary>
    /// Stores a batch's postings (<see cref="AddedPostings"/>), written under the ids its chunks were to get: inside one
    /// transaction AUTOINCREMENT gives the inserted chunks the ids after <paramref name="lastIdBefore"/>, in order, which
    /// is checked here.
    /// </summary>
    private async Task WritePostingsAsync(
        FtsTermChanges added, long lastIdBefore, int chunksInserted, Microsoft.Data.Sqlite.SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var lastId = await KeywordPostingRows.LastChunkIdAsync(_commands!, transaction, cancellationToken);
        if (lastId - lastIdBefore != chunksInserted)
        {
            throw new InvalidOperationException($"The batch inserted {chunksInserted} chunks but their ids moved from {lastIdBefore} to {lastId}; keyword postings cannot be placed.");
        }

        if (added.Postings.Count > 0)
        {
            await KeywordPostingRows.WriteAsync(_commands!, transaction, added.Postings, cancellationToken);
            await KeywordPostingMerge.AfterWriteAsync(_commands!, transaction, cancellationToken);
        }
    }

    /// <summary>BM25 from the postings on disk, over the informative terms with their stems.</summary>
    /// <param name="filter">If given, only chunks of the papers it admits are ranked.</param>
    /// <param name="texts">If given, receives the ranked chunks' titles and texts (for feedback).</param>
    private async Task<(List<(long Id, double Score)> Ranked, int QueryTerms)> RankOnDiskAsync(
        string query, IReadOnlyList<string> terms, int top, SearchFilter? filter, Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        var chunks = await GetChunkTotalAsync(cancellationToken);
        var counted = await CountTermRowsAsync(terms, cancellationToken);
        var informative = Informative([.. counted.Select((c, i) => ((Term: terms[i], c.Stem, c.Rows), c.Rows))], chunks);
        if (informative.Count == 0)
        {
            return ([], 0);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            Log.KeywordQuery(logger, query, FtsQuery.Match(informative.Select(t => t.Term)));
        }

        var stems = informative.Select(t => (t.Stem!, t.Rows)).ToList();
        await UseLargeCacheAsync(cancellationToken);
        _postingsRanking ??= new KeywordPostingsRanking();
        var ranked = await _postingsRanking.RankAsync(_commands!, stems, chunks, _tokenTotal ?? 0, TitleWeight, top, filter, texts, cancellationToken);
        return (ranked, informative.Count);
    }

    /// <summary>Gives the connection the larger page cache (<see cref="LargeCacheSql"/>) once. The caller holds the lock.</summary>
    private async Task UseLargeCacheAsync(CancellationToken cancellationToken)
    {
        if (!_largeCache)
        {
            await _commands!.Get(LargeCacheSql).ExecuteNonQueryAsync(cancellationToken);
            _largeCache = true;
        }
    }
}
