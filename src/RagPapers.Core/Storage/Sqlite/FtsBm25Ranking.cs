using System.Buffers;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Keyword ranking from the in-memory <see cref="FtsTermStatistics"/>: the chunks holding any of the query's terms,
/// scored by FTS5's bm25(chunks_fts, titleWeight, 1) and ordered by score, then rowid, which is what the keyword
/// SQL returns. FTS5 spends most of a query decoding position lists to count what the statistics already hold;
/// walking flat postings instead takes a fraction of that.
/// </summary>
internal static class FtsBm25Ranking
{
    /// <summary>The best <paramref name="top"/> chunks (rowid, score), best first.</summary>
    /// <param name="termIds">The query's stemmed terms in query order, a term twice if the query has it twice (FTS5
    /// scores each OR-ed phrase); -1 for a term no chunk holds.</param>
    public static List<(long Id, double Score)> Rank(IReadOnlyList<int> termIds, FtsTermStatistics statistics, double titleWeight, int top)
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
                    // Every share is positive (the IDF is clamped above zero), so a zero score means "not seen yet".
                    if (scores[posting.Chunk] == 0)
                    {
                        touched.Add(posting.Chunk);
                    }

                    var frequency = (titleWeight * posting.TitleCount) + posting.TextCount;
                    scores[posting.Chunk] += FtsBm25.Score(idf, frequency, statistics.ChunkSaturation(posting.Chunk));
                }
            }

            // Chunk indexes follow rowid order, so the index breaks ties as the SQL's "rowid" does. A query with common
            // words touches most chunks: the best few are kept in a heap instead of sorting them all.
            var best = new PriorityQueue<int, (double Score, int Chunk)>(top + 1, WorstFirst.Instance);
            foreach (var chunk in touched)
            {
                if (best.Count < top)
                {
                    best.Enqueue(chunk, (scores[chunk], chunk));
                }
                else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((scores[chunk], chunk), worst) > 0)
                {
                    best.DequeueEnqueue(chunk, (scores[chunk], chunk));
                }
            }

            var hits = new (long Id, double Score)[best.Count];
            for (var i = hits.Length - 1; best.TryDequeue(out var chunk, out _); i--)
            {
                hits[i] = (statistics.ChunkId(chunk), scores[chunk]);
            }

            return [.. hits];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>Orders (score, chunk) worst first: lower score, then (on a tie) the later chunk.</summary>
    private sealed class WorstFirst : IComparer<(double Score, int Chunk)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Chunk) x, (double Score, int Chunk) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Chunk.CompareTo(x.Chunk);
    }
}
