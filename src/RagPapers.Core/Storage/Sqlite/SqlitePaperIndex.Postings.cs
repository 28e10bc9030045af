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
        _postingsRanking ??= new KeywordPostingsRanking();
        var ranked = await _postingsRanking.RankAsync(_commands!, stems, chunks, _tokenTotal ?? 0, TitleWeight, top, filter, texts, cancellationToken);
        return (ranked, informative.Count);
    }
}
