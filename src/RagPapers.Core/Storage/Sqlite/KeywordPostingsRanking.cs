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

    // Kept between searches (the store's lock serializes them).
    private readonly ChunkScores _scores = new();
    private readonly TermShares _shares = new();

    /// <summary>The best <paramref name="top"/> live chunks (rowid, score), best first, ties to the lower rowid.</summary>
    /// <param name="terms">The query's stemmed terms in query order (a stem twice if two query words share it) with the chunks holding each.</param>
    public async Task<List<(long Id, double Score)>> RankAsync(
        CommandCache commands, IReadOnlyList<(string Stem, long Rows)> terms, long chunks, long tokens, double titleWeight, int top, CancellationToken cancellationToken)
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

            return await BestLiveAsync(commands, top, cancellationToken);
        }
        finally
        {
            _scores.Clear();
        }
    }

    /// <summary>The best chunks that still exist: a replaced or deleted chunk's postings stay on disk, so the best are checked against the chunks table and a gone one gives its place to the next.</summary>
    private async Task<List<(long Id, double Score)>> BestLiveAsync(CommandCache commands, int top, CancellationToken cancellationToken)
    {
        HashSet<int>? gone = null;
        while (true)
        {
            var best = _scores.Best(top, gone);
            var live = await LiveAsync(commands, best, cancellationToken);
            if (live.Count == best.Length)
            {
                return [.. best.Select(c => ((long)c, _scores[c]))];
            }

            (gone ??= []).UnionWith(best.Where(c => !live.Contains(c)));
        }
    }

    private static async Task<HashSet<int>> LiveAsync(CommandCache commands, int[] chunks, CancellationToken cancellationToken)
    {
        var live = new HashSet<int>(chunks.Length);
        if (chunks.Length == 0)
        {
            return live;
        }

        using var reader = await commands.Get(LiveChunksSql).Set("$ids", JsonIdList.From(chunks.Select(c => (long)c))).ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            live.Add((int)reader.GetInt64(0));
        }

        return live;
    }
}
