namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The in-memory term statistics of a store small enough to rank in memory (<see cref="FtsTermStatistics"/>), read from
/// the keyword postings on disk (<see cref="KeywordPostingRows"/>): every term's blocks in term order, which is the order
/// FTS5's vocabulary gave them (SQLite compares TEXT as FTS5 compares terms, byte by byte in UTF-8), keeping the
/// postings of chunks the store still holds. A replaced or deleted chunk's postings stay on disk, so the live chunks
/// are read first.
/// </summary>
internal static class KeywordPostingStatistics
{
    private const string ReadLiveChunksSql = "SELECT id FROM chunks";
    private const string ReadPostingsSql = "SELECT term, first_chunk, postings FROM keyword_postings ORDER BY term, first_chunk";

    /// <param name="rows">Live chunks (bm25's N), token-less ones included.</param>
    public static async Task<FtsTermStatistics> LoadAsync(CommandCache commands, long rows, CancellationToken cancellationToken)
    {
        // One read transaction: the live chunks and the postings from the same snapshot, whatever another process commits meanwhile.
        using var snapshot = commands.BeginScratch();
        var live = new HashSet<long>();
        using (var reader = await commands.Get(ReadLiveChunksSql, snapshot).ExecuteReaderAsync(cancellationToken))
        {
            // Synchronous reads: tens of thousands of awaited ReadAsync calls cost more than SQLite's scan.
            while (reader.Read())
            {
                live.Add(reader.GetInt64(0));
            }
        }

        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var frequencies = new List<int>();
        var builders = new Dictionary<long, FtsTermStatistics.ChunkTermsBuilder>(live.Count);
        using (var reader = await commands.Get(ReadPostingsSql, snapshot).ExecuteReaderAsync(cancellationToken))
        {
            var term = string.Empty; // no term is empty
            var termId = -1;
            var read = 0;
            while (reader.Read())
            {
                if ((++read & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var rowTerm = reader.GetString(0);
                if (!string.Equals(rowTerm, term, StringComparison.Ordinal))
                {
                    (term, termId) = (rowTerm, -1); // an id once a live chunk holds it, as FTS5's vocabulary lists only those
                }

                var chunk = reader.GetInt64(1);
                var block = (byte[])reader.GetValue(2);
                var at = 0;
                while (at < block.Length)
                {
                    var posting = KeywordPostingBlock.NextPosting(block, ref at);
                    chunk += posting.Gap;
                    if (!live.Contains(chunk))
                    {
                        continue;
                    }

                    if (termId < 0)
                    {
                        termId = terms.Count;
                        termIds[term] = termId;
                        terms.Add(term);
                        frequencies.Add(0);
                    }

                    frequencies[termId]++;
                    if (!builders.TryGetValue(chunk, out var builder))
                    {
                        builders[chunk] = builder = new FtsTermStatistics.ChunkTermsBuilder();
                    }

                    builder.Add(termId, posting.TitleCount, posting.TextCount);
                }
            }
        }

        snapshot.Commit();
        var chunks = new Dictionary<long, FtsTermStatistics.ChunkTerms>(builders.Count);
        foreach (var (id, builder) in builders)
        {
            chunks[id] = builder.Build();
        }

        return new FtsTermStatistics(termIds, [.. terms], [.. frequencies], chunks, rows);
    }
}
