namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Keyword search on a store too large for the in-memory term statistics: BM25 from the postings kept on disk
/// (SqlitePaperIndex.Postings), the terms chosen and feedback weighed with the counts kept on disk
/// (<see cref="FtsTermRows"/>), and the hits' texts read per hit. What a query reads grows with its terms' postings,
/// never with the whole collection.
/// </summary>
public sealed partial class SqlitePaperIndex
{
    // The terms of feedback candidates' tokens, kept between questions (used under the store's lock): stemming each
    // token of three hundred abstracts again was most of a feedback's tokenizing. Bounded by TermNumbering.MaxTokens.
    private readonly TermNumbering _feedbackTerms = new();

    private const string ReadCandidatesSql = $"SELECT c.id, p.title, {ChunkText.Sql} FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.id IN ({JsonIdList.Values})";

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

    /// <summary>Feedback's statistics for one query (<see cref="FeedbackCandidates"/>), with the collection's counts and totals from disk.</summary>
    /// <param name="texts">The ranked chunks' titles and texts if the first pass read them, else null (read here).</param>
    private async Task<IKeywordStatistics> ReadFeedbackStatisticsAsync(
        List<(long Id, double Score)> ranked, IReadOnlyDictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        var chunks = await GetChunkTotalAsync(cancellationToken);
        var rows = texts ?? await ReadCandidateTextsAsync(ranked, cancellationToken);
        return await FeedbackCandidates.ReadAsync(_commands!, ranked, rows, _feedback, (chunks, _tokenTotal ?? 0), _feedbackTerms, cancellationToken);
    }

    /// <summary>The ranked chunks' titles and texts, in one statement.</summary>
    private async Task<Dictionary<long, (string Title, string Text)>> ReadCandidateTextsAsync(List<(long Id, double Score)> ranked, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<long, (string, string)>(ranked.Count);
        using var reader = await _commands!.Get(ReadCandidatesSql).Set("$ids", JsonIdList.From(ranked.Select(r => r.Id))).ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return rows;
    }
}
