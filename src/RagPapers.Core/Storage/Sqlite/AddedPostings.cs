using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The keyword postings of added chunks that FTS5 tokenizes (those <see cref="ChunkTermCounter"/> cannot promise exact), read from the scratch FTS5 table that already counts their terms
/// (<see cref="FtsTermChanges"/>), so the text is tokenized once for both. The table's rows are the chunks in the order
/// they were added (1, 2, …); each row's chunk id, or none for a chunk that gets no postings (one a later paper of the
/// same batch replaces), is given by the caller.
/// </summary>
internal static class AddedPostings
{
    private const string CreateInstancesSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_delta_instance USING fts5vocab(temp, term_delta, instance)";

    // Only the chunk and the column, as one number (2 · chunk + 1 in the title): the term of each run comes from the
    // row vocabulary's counts (the two list terms in the same order). A string and a second column per token were
    // most of the cost of reading twenty million tokens.
    private const string ReadInstancesSql = "SELECT (doc << 1) | (col = 'title') FROM temp.term_delta_instance";

    /// <summary>Each term's postings under the chunks' ids, ascending; terms only chunks without postings hold are left out.</summary>
    /// <param name="terms">Each term of the table with its number of tokens, in the vocabulary's order.</param>
    /// <param name="chunkIds">The chunk id of row (index + 1), or null for a chunk without postings.</param>
    public static async Task<List<(string Term, List<KeywordPosting> Postings)>> ReadAsync(
        CommandCache commands, SqliteTransaction transaction, List<(string Term, long Tokens)> terms, IReadOnlyList<long?> chunkIds, CancellationToken cancellationToken)
    {
        await commands.Get(CreateInstancesSql, transaction).ExecuteNonQueryAsync(cancellationToken);
        var lengths = new int[chunkIds.Count + 1];
        var runs = new List<List<KeywordPosting>>(terms.Count);
        using (var reader = await commands.Get(ReadInstancesSql, transaction).ExecuteReaderAsync(cancellationToken))
        {
            foreach (var (term, tokens) in terms)
            {
                var postings = new List<KeywordPosting>();
                for (long i = 0; i < tokens; i++)
                {
                    if (!reader.Read())
                    {
                        throw new InvalidOperationException($"FTS5's instance vocabulary ended inside the term '{term}'.");
                    }

                    var token = reader.GetInt64(0);
                    var row = token >> 1;
                    var title = (token & 1) == 1;
                    lengths[row]++;
                    if (postings.Count == 0 || postings[^1].Chunk != row)
                    {
                        postings.Add(new KeywordPosting(row, 0, 0, 0));
                    }

                    var last = postings[^1];
                    postings[^1] = title ? last with { TitleCount = last.TitleCount + 1 } : last with { TextCount = last.TextCount + 1 };
                }

                runs.Add(postings);
            }

            if (reader.Read())
            {
                throw new InvalidOperationException("FTS5's instance vocabulary holds more tokens than its row vocabulary counts.");
            }
        }

        var placed = new List<(string, List<KeywordPosting>)>(terms.Count);
        for (var t = 0; t < terms.Count; t++)
        {
            var postings = runs[t].Where(p => chunkIds[(int)p.Chunk - 1] is not null)
                .Select(p => p with { Chunk = chunkIds[(int)p.Chunk - 1]!.Value, Length = lengths[p.Chunk] }).ToList();
            if (postings.Count > 0)
            {
                placed.Add((terms[t].Term, postings));
            }
        }

        return placed;
    }
}
