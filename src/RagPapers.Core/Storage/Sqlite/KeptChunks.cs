namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Which of a search's scored chunks (<see cref="ChunkScores"/>) it returns: the best that still exist, and that its
/// filter admits. A replaced or deleted chunk's postings stay on disk and the filter does not change the scores, so the
/// choice is made after scoring, against the chunks and papers tables.
/// </summary>
internal static class KeptChunks
{
    private const string LiveChunksSql = $"SELECT id FROM chunks WHERE id IN ({JsonIdList.Values})";

    // The liveness check and feedback's read of the candidates' texts in one pass over the same rows (they were two
    // statements over the same three hundred chunks). A left join: a chunk is live whether or not its paper is found,
    // and only a chunk with its paper has a title and text to give feedback, as the inner join of the read did.
    private const string LiveChunksWithTextsSql = $"SELECT c.id, p.title, {ChunkText.Sql} FROM chunks c LEFT JOIN papers p ON p.id = c.paper_id WHERE c.id IN ({JsonIdList.Values})";

    // A filter that admits fewer than one paper in this many has its chunks listed and ranked directly; a wider one has
    // the best chunks checked against it, a round at a time (BestKeptAsync), which then takes a few rounds at most.
    private const int ListedFilterShare = 64;

    /// <summary>The best <paramref name="top"/> kept chunks (rowid, score), best first, ties to the lower rowid.</summary>
    /// <param name="chunks">The store's live chunks.</param>
    /// <param name="texts">If given, receives the title and text of each chunk returned (those whose paper is found).</param>
    public static async Task<List<(long Id, double Score)>> BestAsync(
        CommandCache commands, ChunkScores scores, long chunks, int top, SearchFilter? filter,
        Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        if (filter is not null && await FewAdmittedChunksAsync(commands, filter, chunks, cancellationToken) is { } admitted)
        {
            return await BestAdmittedAsync(commands, scores, admitted, top, texts, cancellationToken);
        }

        return await BestKeptAsync(commands, scores, top, filter, texts, cancellationToken);
    }

    /// <summary>The chunks of the papers a filter admits, when it admits few of them (through the papers' indexes); else null.</summary>
    private static async Task<List<long>?> FewAdmittedChunksAsync(CommandCache commands, SearchFilter filter, long chunks, CancellationToken cancellationToken)
    {
        var cap = chunks / ListedFilterShare;
        var papers = (long)(await commands.Get(SearchFilterSql.AdmittedPapersUpToSql(filter)).SetFilter(filter).Set("$cap", cap + 1).ExecuteScalarAsync(cancellationToken))!;
        if (papers > cap)
        {
            return null;
        }

        var admitted = new List<long>();
        using var reader = await commands.Get(SearchFilterSql.AdmittedChunksSql(filter)).SetFilter(filter).ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            admitted.Add(reader.GetInt64(0));
        }

        return admitted;
    }

    /// <summary>The best scored of a list of live admitted chunks, ties to the lower id, with their texts if asked for.</summary>
    private static async Task<List<(long Id, double Score)>> BestAdmittedAsync(
        CommandCache commands, ChunkScores scores, List<long> admitted, int top, Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        var best = admitted.Where(id => id < scores.Size && scores[(int)id] > 0).Select(id => (int)id)
            .OrderByDescending(id => scores[id]).ThenBy(id => id).Take(top).ToArray();
        if (texts is not null)
        {
            await KeptAsync(commands, best, null, texts, cancellationToken);
        }

        return Hits(scores, best, texts);
    }

    /// <summary>
    /// The best chunks that still exist (and that the filter admits): a replaced or deleted chunk's postings stay on disk,
    /// so the best are checked against the chunks table and one turned away gives its place to the next. A chunk kept
    /// stays among the best (only turned-away ones leave), so each round checks only chunks not checked yet. Once chunks
    /// have been turned away, each round looks twice as far ahead as the last: a filter that admits few of the matching
    /// chunks would otherwise take a round per few chunks admitted.
    /// </summary>
    private static async Task<List<(long Id, double Score)>> BestKeptAsync(
        CommandCache commands, ChunkScores scores, int top, SearchFilter? filter, Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        HashSet<int>? gone = null;
        var kept = new HashSet<int>();
        var ahead = top;
        var best = scores.Best(top, gone);
        while (true)
        {
            var toCheck = (ahead > top ? scores.Best(ahead, gone) : best).Where(c => !kept.Contains(c)).ToArray();
            var found = await KeptAsync(commands, toCheck, filter, texts, cancellationToken);
            kept.UnionWith(found);
            if (found.Count == toCheck.Length)
            {
                // Every chunk checked was kept, and the checked ones include all of the best.
                return Hits(scores, best, texts);
            }

            (gone ??= []).UnionWith(toCheck.Where(c => !found.Contains(c)));
            ahead = (int)Math.Min(scores.Size, 2L * ahead); // never more than there are chunk slots
            best = scores.Best(top, gone);
            if (best.All(kept.Contains))
            {
                return Hits(scores, best, texts); // the chunks checked ahead hold the best that are left
            }
        }
    }

    /// <summary>The chosen chunks with their scores; the texts read ahead for chunks not chosen are dropped, as feedback reads every text it is given.</summary>
    private static List<(long Id, double Score)> Hits(ChunkScores scores, int[] best, Dictionary<long, (string Title, string Text)>? texts)
    {
        if (texts is not null)
        {
            var chosen = best.Select(c => (long)c).ToHashSet();
            foreach (var id in texts.Keys.Where(id => !chosen.Contains(id)).ToArray())
            {
                texts.Remove(id);
            }
        }

        return [.. best.Select(c => ((long)c, scores[c]))];
    }

    // A filtered search keeps the live chunks of the papers the filter admits, and reads their texts as it checks. CROSS
    // JOIN keeps the chunks as the outer loop: given the choice, SQLite walked every paper of the date range through
    // papers_published instead of looking up the few hundred chunks checked.
    private static string CheckAdmittedSql(SearchFilter filter, bool withTexts) =>
        $"SELECT c.id{(withTexts ? $", p.title, {ChunkText.Sql}" : "")} FROM chunks c CROSS JOIN papers p ON p.id = c.paper_id WHERE c.id IN ({JsonIdList.Values}) AND {SearchFilterSql.Condition(filter)}";

    private static async Task<HashSet<int>> KeptAsync(
        CommandCache commands, int[] chunks, SearchFilter? filter, Dictionary<long, (string Title, string Text)>? texts, CancellationToken cancellationToken)
    {
        var kept = new HashSet<int>(chunks.Length);
        if (chunks.Length == 0)
        {
            return kept;
        }

        var command = filter is not null ? commands.Get(CheckAdmittedSql(filter, texts is not null)).SetFilter(filter)
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
