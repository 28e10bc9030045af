using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The keyword postings of a large store (<see cref="KeywordPostingRows"/>): tokenized beside each write, stored in
/// its transaction, and ranked from by keyword search above Store:Sqlite:InMemoryKeywordChunks.
/// </summary>
public sealed partial class SqlitePaperIndex
{
    private KeywordPostingsRanking? _postingsRanking;

    // SQLite's default page cache is 2 MB; the postings of a question's common words alone are more. Above the
    // in-memory limit a larger one keeps them between questions (warm p50 at a million papers 70 -> 60 ms, +86 MB).
    private const string LargeStoreCacheSql = "PRAGMA cache_size = -65536";

    private const string SelectBatchChunkIdsSql = $"SELECT paper_id, ordinal, id FROM chunks WHERE paper_id IN ({JsonIdList.Values})";

    /// <summary>
    /// Tokenizes the chunks a batch leaves (a paper written twice keeps its last version) on the thread pool, under
    /// provisional ids, while the store's connection writes the batch.
    /// </summary>
    private static (Task<Dictionary<string, List<KeywordPosting>>> Postings, List<(string Paper, int Ordinal)> Chunks) StartPostings(
        IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, PaperDocument>(StringComparer.Ordinal);
        foreach (var document in batch)
        {
            last[document.Paper.Id] = document;
        }

        var keys = new List<(string Paper, int Ordinal)>();
        var texts = new List<(string Title, string Text)>();
        foreach (var document in last.Values)
        {
            foreach (var indexed in document.Chunks)
            {
                keys.Add((document.Paper.Id, indexed.Chunk.Ordinal));
                texts.Add((document.Paper.Title, indexed.Chunk.Text));
            }
        }

        var provisional = Enumerable.Range(0, texts.Count).Select(i => (long)i).ToArray();
        return (Task.Run(() => KeywordPostingsBuilder.BuildAsync(texts, provisional, cancellationToken), cancellationToken), keys);
    }

    /// <summary>Stores the batch's postings under the ids its chunks got, inside the batch's transaction.</summary>
    private async Task WritePostingsAsync(
        (Task<Dictionary<string, List<KeywordPosting>>> Postings, List<(string Paper, int Ordinal)> Chunks) started,
        Microsoft.Data.Sqlite.SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var postings = await started.Postings;
        var stored = new Dictionary<(string, int), long>(started.Chunks.Count);
        var papers = JsonIdList.From(started.Chunks.Select(c => c.Paper).Distinct(StringComparer.Ordinal));
        using (var reader = await _commands!.Get(SelectBatchChunkIdsSql, transaction).Set("$ids", papers).ExecuteReaderAsync(cancellationToken))
        {
            while (reader.Read())
            {
                stored[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
            }
        }

        KeywordPostingsBuilder.Remap(postings, [.. started.Chunks.Select(c => stored[c])]);
        await KeywordPostingRows.WriteAsync(_commands, transaction, postings, cancellationToken);
    }

    /// <summary>BM25 from the postings on disk, over the informative terms with their stems.</summary>
    private async Task<(List<(long Id, double Score)> Ranked, int QueryTerms)> RankOnDiskAsync(
        string query, IReadOnlyList<string> terms, int top, CancellationToken cancellationToken)
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
        if (_postingsRanking is null)
        {
            await _commands!.Get(LargeStoreCacheSql).ExecuteNonQueryAsync(cancellationToken);
            _postingsRanking = new KeywordPostingsRanking();
        }

        var ranked = await _postingsRanking.RankAsync(_commands!, stems, chunks, _tokenTotal ?? 0, TitleWeight, top, cancellationToken);
        return (ranked, informative.Count);
    }
}
