using System.Globalization;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Keyword search on a store too large for the in-memory term statistics: BM25 from the postings kept on disk
/// (SqlitePaperIndex.Postings), the terms chosen and feedback weighed with the counts kept on disk
/// (<see cref="FtsTermRows"/>), and the hits' texts read per hit. What a query reads grows with its terms' postings,
/// never with the whole collection.
/// </summary>
public sealed partial class SqlitePaperIndex
{
    private const string ReadHitsSql = "SELECT c.id, c.paper_id, c.ordinal, c.text, p.title FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.id IN (SELECT value FROM json_each($ids))";

    // The candidates of one query, tokenized by FTS5 for feedback (RM3) inside a transaction that is rolled back: one
    // FTS5 flush instead of a segment per row, and nothing to delete afterwards.
    private const string CreateCandidatesSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidates USING fts5(title, text, content='', tokenize='porter unicode61')";
    private const string CreateCandidateInstancesSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidates_instance USING fts5vocab(temp, candidates, instance)";
    private const string ReadCandidateInstancesSql = "SELECT term, doc, col = 'title' FROM temp.candidates_instance";
    private const string InsertCandidateSql = "INSERT INTO temp.candidates(rowid, title, text) VALUES ($id, $title, $text)";

    /// <summary>Each term's FTS5 stem (null for a term the tokenizer drops) and the chunks holding it, from <see cref="FtsTermRows"/>.</summary>
    private async Task<(string? Stem, long Rows)[]> CountTermRowsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var stems = await (_stemmer ??= new FtsStemmer(_commands!)).StemAsync(terms, cancellationToken);
        var known = stems.Where(s => s is not null).Select(s => s!).ToArray();
        var counts = await FtsTermRows.ReadChunkCountsAsync(_commands!, known, cancellationToken);
        var rows = new (string?, long)[terms.Count];
        for (int i = 0, k = 0; i < terms.Count; i++)
        {
            rows[i] = stems[i] is null ? (null, 0) : (stems[i], counts[k++]);
        }

        return rows;
    }

    /// <summary>
    /// Feedback's statistics for one query: the candidates tokenized by FTS5 (a scratch table in the temp schema),
    /// with the document frequencies of the feedback chunks' terms and the collection's totals read from disk.
    /// </summary>
    private async Task<IKeywordStatistics> ReadFeedbackStatisticsAsync(List<(long Id, double Score)> ranked, CancellationToken cancellationToken)
    {
        var chunks = await GetChunkTotalAsync(cancellationToken);
        var rows = await ReadChunkRowsAsync(ranked, cancellationToken);

        // Created outside the transaction: a rolled-back CREATE would change the schema, and re-prepare every statement, on every query.
        await _commands!.Get(CreateCandidatesSql).ExecuteNonQueryAsync(cancellationToken);
        await _commands.Get(CreateCandidateInstancesSql).ExecuteNonQueryAsync(cancellationToken);
        FtsTermStatistics candidates;
        using (var scratch = _connection!.BeginTransaction(deferred: true))
        {
            var insert = _commands.Get(InsertCandidateSql, scratch);
            foreach (var row in rows)
            {
                await insert.Set("$id", row.Key).Set("$title", row.Value.Title).Set("$text", row.Value.Text).ExecuteNonQueryAsync(cancellationToken);
            }

            candidates = await FtsTermStatistics.LoadAsync(_commands, CreateCandidateInstancesSql, ReadCandidateInstancesSql, ranked.Count, cancellationToken, scratch);
            scratch.Rollback();
        }

        var termIds = new SortedSet<int>();
        foreach (var (id, _) in ranked.Take(_feedback.Documents))
        {
            if (candidates.TryGetChunk(id, out var terms))
            {
                termIds.UnionWith(terms.TermIds);
            }
        }

        var ordered = termIds.ToArray();
        var counts = await FtsTermRows.ReadChunkCountsAsync(_commands, [.. ordered.Select(candidates.Term)], cancellationToken);
        var frequencies = new Dictionary<int, long>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            frequencies[ordered[i]] = counts[i];
        }

        return new CandidateTermStatistics(candidates, frequencies, chunks, _tokenTotal ?? 0);
    }

    /// <summary>The ranked chunks' rows, in one statement.</summary>
    private async Task<Dictionary<long, (string PaperId, int Ordinal, string Text, string Title)>> ReadChunkRowsAsync(
        List<(long Id, double Score)> ranked, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<long, (string, int, string, string)>(ranked.Count);
        if (ranked.Count == 0)
        {
            return rows;
        }

        var ids = "[" + string.Join(',', ranked.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))) + "]";
        using var reader = await _commands!.Get(ReadHitsSql).Set("$ids", ids).ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4));
        }

        return rows;
    }
}
