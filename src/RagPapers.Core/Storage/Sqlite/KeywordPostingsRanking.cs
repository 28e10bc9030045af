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

    // Kept between searches (the store's lock serializes them): a score per chunk id, zero again after each search.
    // Renting it per search cost a memset of the whole collection.
    private double[] _scores = [];

    /// <summary>The best <paramref name="top"/> live chunks (rowid, score), best first, ties to the lower rowid.</summary>
    /// <param name="terms">The query's stemmed terms in query order (a stem twice if two query words share it) with the chunks holding each.</param>
    public async Task<List<(long Id, double Score)>> RankAsync(
        CommandCache commands, IReadOnlyList<(string Stem, long Rows)> terms, long chunks, long tokens, double titleWeight, int top, CancellationToken cancellationToken)
    {
        var size = (int)Math.Min(int.MaxValue - 1, await KeywordPostingRows.LastChunkIdAsync(commands, null, cancellationToken)) + 1;
        if (_scores.Length < size)
        {
            _scores = new double[size + (size / 8)];
        }

        var touched = new List<int>();
        try
        {
            var averageLength = chunks == 0 ? 0 : (double)tokens / chunks;
            foreach (var (stem, rows) in terms)
            {
                var idf = FtsBm25.Idf((int)Math.Min(rows, int.MaxValue), (int)Math.Min(chunks, int.MaxValue));
                using var reader = await commands.Get(KeywordPostingRows.ReadSql).Set("$term", stem).ExecuteReaderAsync(cancellationToken);
                while (reader.Read())
                {
                    // GetValue copies the blob once; GetBytes into a kept buffer copies it twice (Microsoft.Data.Sqlite reads it whole first).
                    Accumulate((byte[])reader.GetValue(1), reader.GetInt64(0), idf, titleWeight, averageLength, size, touched);
                }
            }

            return await BestLiveAsync(commands, touched, top, cancellationToken);
        }
        finally
        {
            foreach (var chunk in touched)
            {
                _scores[chunk] = 0;
            }
        }
    }

    private void Accumulate(ReadOnlySpan<byte> block, long firstChunk, double idf, double titleWeight, double averageLength, int size, List<int> touched)
    {
        var scores = _scores;
        var reader = new KeywordPostingBlock.Reader(block, firstChunk);
        while (reader.TryRead(out var posting))
        {
            // Every share is positive (the IDF is clamped above zero), so a zero score means "not seen yet".
            var chunk = (int)posting.Chunk;
            if ((uint)chunk >= (uint)size)
            {
                continue; // written after the sequence was read: not this search's
            }

            if (scores[chunk] == 0)
            {
                touched.Add(chunk);
            }

            var frequency = (titleWeight * posting.TitleCount) + posting.TextCount;
            scores[chunk] += FtsBm25.Score(idf, frequency, FtsBm25.Saturation(posting.Length, averageLength));
        }
    }

    /// <summary>The best chunks that still exist: a replaced or deleted chunk's postings stay on disk, so the best are checked against the chunks table and a gone one gives its place to the next.</summary>
    private async Task<List<(long Id, double Score)>> BestLiveAsync(CommandCache commands, List<int> touched, int top, CancellationToken cancellationToken)
    {
        var gone = new HashSet<int>();
        while (true)
        {
            var best = TopChunks.Best(_scores, touched, top, gone);
            var live = await LiveAsync(commands, best, cancellationToken);
            if (live.Count == best.Length)
            {
                return [.. best.Select(c => ((long)c, _scores[c]))];
            }

            gone.UnionWith(best.Where(c => !live.Contains(c)));
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
