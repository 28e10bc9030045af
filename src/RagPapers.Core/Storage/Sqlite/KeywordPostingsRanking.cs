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
    // Kept between searches (the store's lock serializes them).
    private readonly ChunkScores _scores = new();
    private readonly TermShares _shares = new();

    /// <summary>The best <paramref name="top"/> live chunks (rowid, score), best first, ties to the lower rowid.</summary>
    /// <param name="terms">The query's stemmed terms in query order (a stem twice if two query words share it) with the chunks holding each.</param>
    /// <param name="filter">If given, only chunks of the papers it admits are returned; the scores stay the collection's.</param>
    /// <param name="texts">If given, receives the title and text of each chunk returned (those whose paper is found), read with the check of the chunks (<see cref="KeptChunks"/>).</param>
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

            return await KeptChunks.BestAsync(commands, _scores, chunks, top, filter, texts, cancellationToken);
        }
        finally
        {
            _scores.Clear();
        }
    }
}
