namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Keyword ranking on a large store from the postings kept on disk (<see cref="KeywordPostingRows"/>): the query's
/// terms' blocks read and decoded, each chunk's bm25() added up in the query's order, exactly as
/// <see cref="FtsBm25Ranking"/> does from memory, with the totals and document frequencies of
/// <see cref="FtsTermRows"/>. FTS5 spent about a microsecond on each matching chunk (a docsize look-up and its
/// position lists); a posting here costs a few nanoseconds.
/// </summary>
internal sealed class KeywordPostingsRanking
{
    private const string LiveChunksSql = $"SELECT id FROM chunks WHERE id IN ({JsonIdList.Values})";

    // The liveness check and feedback's read of the candidates' texts in one pass over the same rows (they were two
    // statements over the same three hundred chunks). A left join: a chunk is live whether or not its paper is found,
    // and only a chunk with its paper has a title and text to give feedback, as the inner join of the read did.
    private const string LiveChunksWithTextsSql = $"SELECT c.id, p.title, c.text FROM chunks c LEFT JOIN papers p ON p.id = c.paper_id WHERE c.id IN ({JsonIdList.Values})";

    // A filtered search keeps the live chunks of the papers the filter admits, and reads their texts as it checks.
    private const string AdmittedChunksSql = $"SELECT c.id, p.title, c.text FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.id IN ({JsonIdList.Values}) AND {SearchFilterSql.Condition}";

    // Kept between searches (the store's lock serializes them).
    private readonly ChunkScores _scores = new();
    private readonly TermShares _shares = new();

    /// <summary>The best <paramref name="top"/> live chunks (rowid, score), best first, ties to the lower rowid.</summary>
    /// <param name="terms">The query's stemmed terms in query order (a stem twice if two query words share it) with the chunks holding each.</param>
    /// <param name="filter">If given, only chunks of the papers it admits are returned; the scores stay the collection's.</param>
    /// <param name="texts">If given, receives the title and text of each chunk returned (those whose paper is found), read with the liveness check.</param>
    public async Task<List<(long Id, double Score)>> RankAsync(
        CommandCache commands, IReadOnlyList<(string Stem, long Rows)> terms, long chunks, long tokens, double titleWeight, int top,
        SearchFilter? filter, Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        var size = (int)Math.Min(int.MaxValue - 1, await KeywordPostingRows.LastChunkIdAsync(commands, null, cancellationToken)) + 1;
        _scores.Start(size, terms.Sum(t => t.Rows));
        try
        {
            var averageLength = chunks == 0 ? 0 : (double)tokens / chunks;
            foreach (var (stem, rows) in terms)
            {
                _shares.Reset(FtsBm25.Idf((int)Math.Min(rows, int.MaxValue), (int)Math.Min(chunks, int.MaxValue)), titleWeight, averageLength);
                using var reader = await commands.Get(KeywordPostingRows.ReadSql).Set("$term", stem).ExecuteReaderAsync(cancellationToken);
                while (reader.Read())
                {
                    // GetValue copies the blob once; GetBytes into a kept buffer copies it twice (Microsoft.Data.Sqlite reads it whole first).
                    _scores.Add((byte[])reader.GetValue(1), reader.GetInt64(0), _shares);
                }
            }

            return await BestKeptAsync(commands, top, filter, texts, cancellationToken);
        }
        finally
        {
            _scores.Clear();
        }
    }

    /// <summary>
    /// The best chunks that still exist (and that the filter admits): a replaced or deleted chunk's postings stay on disk,
    /// so the best are checked against the chunks table and one turned away gives its place to the next. A chunk kept
    /// stays among the best (only turned-away ones leave), so each round checks only chunks not checked yet. Once chunks
    /// have been turned away, each round looks twice as far ahead as the last: a filter that admits few of the matching
    /// chunks would otherwise take a round per few chunks admitted.
    /// </summary>
    private async Task<List<(long Id, double Score)>> BestKeptAsync(
        CommandCache commands, int top, SearchFilter? filter, Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        HashSet<int>? gone = null;
        var kept = new HashSet<int>();
        var ahead = top;
        while (true)
        {
            var best = _scores.Best(top, gone);
            var toCheck = (ahead > top ? _scores.Best(ahead, gone) : best).Where(c => !kept.Contains(c)).ToArray();
            var found = await KeptAsync(commands, toCheck, filter, texts, cancellationToken);
            kept.UnionWith(found);
            if (found.Count == toCheck.Length)
            {
                // Every chunk checked was kept, and the checked ones include all of the best.
                return Hits(best, texts);
            }

            (gone ??= []).UnionWith(toCheck.Where(c => !found.Contains(c)));
            ahead = (int)Math.Min(int.MaxValue, 2L * ahead);
        }
    }

    /// <summary>The chosen chunks with their scores; the texts read ahead for chunks not chosen are dropped, as feedback reads every text it is given.</summary>
    private List<(long Id, double Score)> Hits(int[] best, Dictionary<long, (string Title, string Text)>? texts)
    {
        if (texts is not null && texts.Count > best.Length)
        {
            var chosen = best.Select(c => (long)c).ToHashSet();
            foreach (var id in texts.Keys.Where(id => !chosen.Contains(id)).ToArray())
            {
                texts.Remove(id);
            }
        }

        return [.. best.Select(c => ((long)c, _scores[c]))];
    }

    private static async Task<HashSet<int>> KeptAsync(
        CommandCache commands, int[] chunks, SearchFilter? filter, Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        var kept = new HashSet<int>(chunks.Length);
        if (chunks.Length == 0)
        {
            return kept;
        }

        var command = filter is not null ? commands.Get(AdmittedChunksSql).SetFilter(filter)
            : commands.Get(texts is null ? LiveChunksSql : LiveChunksWithTextsSql);
        using var reader = await command.Set("$ids", JsonIdList.From(chunks.Select(c => (long)c))).ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            kept.Add((int)id);
            if (texts is not null && !reader.IsDBNull(1))
            {
                texts[id] = (reader.GetString(1), reader.GetString(2));
            }
        }

        return kept;
    }
}
