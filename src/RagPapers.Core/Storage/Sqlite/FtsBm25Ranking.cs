using System.Buffers;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Keyword ranking from the in-memory <see cref="FtsTermStatistics"/>: the chunks holding any of the query's terms,
/// scored as FTS5's bm25(chunks_fts, titleWeight, 1) scored them and ordered by score, then rowid, as its keyword SQL
/// returned them. FTS5 spent most of a query decoding position lists to count what the statistics already hold;
/// walking flat postings instead takes a fraction of that.
/// </summary>
internal static class FtsBm25Ranking
{
    /// <summary>The best <paramref name="top"/> chunks (rowid, score), best first.</summary>
    /// <param name="admitted">If given, the chunks (by index) that may be ranked; the others are skipped.</param>
    /// <param name="termIds">The query's stemmed terms in query order, a term twice if the query has it twice (FTS5
    /// scores each OR-ed phrase); -1 for a term no chunk holds.</param>
    public static List<(long Id, double Score)> Rank(IReadOnlyList<int> termIds, FtsTermStatistics statistics, double titleWeight, int top, bool[]? admitted = null)
    {
        var scores = ArrayPool<double>.Shared.Rent(statistics.IndexedChunks);
        try
        {
            Array.Clear(scores, 0, statistics.IndexedChunks);
            var touched = new List<int>();
            foreach (var termId in termIds)
            {
                if (termId < 0)
                {
                    continue;
                }

                var idf = FtsBm25.Idf(statistics.DocumentFrequency(termId), statistics.ChunkCount);
                foreach (var posting in statistics.Postings(termId))
                {
                    if (admitted is not null && !admitted[posting.Chunk])
                    {
                        continue;
                    }

                    // Every share is positive (the IDF is clamped above zero), so a zero score means "not seen yet".
                    if (scores[posting.Chunk] == 0)
                    {
                        touched.Add(posting.Chunk);
                    }

                    var frequency = (titleWeight * posting.TitleCount) + posting.TextCount;
                    scores[posting.Chunk] += FtsBm25.Score(idf, frequency, statistics.ChunkSaturation(posting.Chunk));
                }
            }

            // Chunk indexes follow rowid order, so the index breaks ties as the SQL's "rowid" does.
            var best = TopChunks.Best(scores, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(touched), top);
            var hits = new (long Id, double Score)[best.Length];
            for (var i = 0; i < best.Length; i++)
            {
                hits[i] = (statistics.ChunkId(best[i]), scores[best[i]]);
            }

            return [.. hits];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }
}
