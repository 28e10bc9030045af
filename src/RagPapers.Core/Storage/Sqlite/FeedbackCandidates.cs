using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What feedback (<see cref="Rm3Reranker"/>) needs of one query's candidates on a large store, tokenized by FTS5 in a
/// scratch table of the temp schema inside a transaction the caller rolls back. Feedback reads every term of its
/// feedback chunks (tokenized again in a table of their own), but of the other candidates only the expansion terms and
/// the length: reading every token of three hundred abstracts back into .NET cost about 50 ms a question at a million
/// papers. The scores are the same.
/// </summary>
internal static class FeedbackCandidates
{
    private const string CreateTableSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidates USING fts5(title, text, content='', tokenize='porter unicode61')";
    private const string CreateInstancesSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidates_instance USING fts5vocab(temp, candidates, instance)";
    private const string CreateFeedbackTableSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.feedback USING fts5(title, text, content='', tokenize='porter unicode61')";
    private const string CreateFeedbackInstancesSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.feedback_instance USING fts5vocab(temp, feedback, instance)";
    private const string InsertSql = "INSERT INTO temp.candidates(rowid, title, text) VALUES ($id, $title, $text)";
    private const string InsertFeedbackSql = "INSERT INTO temp.feedback(rowid, title, text) VALUES ($id, $title, $text)";
    private const string ReadFeedbackSql = "SELECT term, doc, col = 'title' FROM temp.feedback_instance";

    // The feedback chunks whole, from their own small table; the expansion terms of the others through the vocabulary's
    // term look-up, which reads those terms' postings alone instead of every token of every candidate.
    private const string ReadNeededSql = """
        SELECT term, doc, col = 'title' FROM temp.feedback_instance
        UNION ALL
        SELECT term, doc, col = 'title' FROM temp.candidates_instance
        WHERE term IN (SELECT value FROM json_each($terms)) AND doc NOT IN (SELECT value FROM json_each($docs))
        ORDER BY term, doc
        """;

    private const string ReadLengthsSql = "SELECT id, sz FROM temp.candidates_docsize";

    /// <summary>
    /// Tokenizes the candidates, reads the feedback chunks' terms, lets feedback choose its expansion terms from them,
    /// and returns statistics holding the feedback chunks whole and the other candidates' expansion terms and lengths.
    /// The .NET tokenizer's path needs no scratch table and no transaction; FTS5's (a token the .NET one cannot promise
    /// exact) creates its tables and works in a scratch transaction, rolled back.
    /// </summary>
    /// <param name="rows">The candidates' titles and texts by chunk id.</param>
    /// <param name="numbering">The tokens' terms kept from question to question (<see cref="TokenizedChunks.Of"/>).</param>
    public static async Task<IKeywordStatistics> ReadAsync(
        CommandCache commands, IReadOnlyList<(long Id, double Score)> ranked, IReadOnlyDictionary<long, (string Title, string Text)> rows,
        KeywordFeedback feedback, (long Chunks, long Tokens) totals, TermNumbering numbering, CancellationToken cancellationToken)
    {
        if (TokenizedChunks.Of(rows, numbering) is { } tokenized)
        {
            return await ReadTokenizedAsync(commands, ranked, tokenized, feedback, totals, cancellationToken);
        }

        await CreateAsync(commands, cancellationToken);
        using var scratch = commands.BeginScratch();
        var statistics = await ReadWithFts5Async(commands, scratch, ranked, rows, feedback, totals, cancellationToken);
        scratch.Rollback();
        return statistics;
    }

    /// <summary>Creates the scratch tables; outside any transaction, as a rolled-back CREATE would re-prepare every statement on every query.</summary>
    private static async Task CreateAsync(CommandCache commands, CancellationToken cancellationToken)
    {
        await commands.Get(CreateTableSql).ExecuteNonQueryAsync(cancellationToken);
        await commands.Get(CreateInstancesSql).ExecuteNonQueryAsync(cancellationToken);
        await commands.Get(CreateFeedbackTableSql).ExecuteNonQueryAsync(cancellationToken);
        await commands.Get(CreateFeedbackInstancesSql).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The statistics with the candidates tokenized by FTS5 in the scratch tables.</summary>
    private static async Task<IKeywordStatistics> ReadWithFts5Async(
        CommandCache commands, SqliteTransaction scratch, IReadOnlyList<(long Id, double Score)> ranked, IReadOnlyDictionary<long, (string Title, string Text)> rows,
        KeywordFeedback feedback, (long Chunks, long Tokens) totals, CancellationToken cancellationToken)
    {
        var insert = commands.Get(InsertSql, scratch);
        foreach (var (id, (title, text)) in rows)
        {
            await insert.Set("$id", id).Set("$title", title).Set("$text", text).ExecuteNonQueryAsync(cancellationToken);
        }

        var insertFeedback = commands.Get(InsertFeedbackSql, scratch);
        foreach (var (id, _) in ranked.Take(feedback.Documents))
        {
            if (!rows.TryGetValue(id, out var row))
            {
                continue;
            }

            var (title, text) = row;
            await insertFeedback.Set("$id", id).Set("$title", title).Set("$text", text).ExecuteNonQueryAsync(cancellationToken);
        }

        var docs = JsonIdList.From(ranked.Take(feedback.Documents).Select(r => r.Id));
        var feedbackChunks = await FtsTermStatistics.LoadAsync(commands, CreateFeedbackInstancesSql, ReadFeedbackSql, ranked.Count, cancellationToken, scratch);
        var (byTerm, expansion) = await ChooseExpansionAsync(commands, scratch, ranked, feedbackChunks, feedback, totals, cancellationToken);
        var needed = await FtsTermStatistics.LoadAsync(
            commands, CreateInstancesSql, ReadNeededSql, ranked.Count, cancellationToken, scratch,
            [("$docs", docs), ("$terms", JsonIdList.From(expansion))], await ReadLengthsAsync(commands, scratch, cancellationToken));
        return With(needed, byTerm, totals);
    }

    /// <summary>The same statistics from the .NET tokenizer's terms (<see cref="TokenizedChunks"/>): no scratch table, no token read back.</summary>
    private static async Task<IKeywordStatistics> ReadTokenizedAsync(
        CommandCache commands, IReadOnlyList<(long Id, double Score)> ranked, TokenizedChunks tokenized,
        KeywordFeedback feedback, (long Chunks, long Tokens) totals, CancellationToken cancellationToken)
    {
        var feedbackIds = ranked.Take(feedback.Documents).Select(r => r.Id).ToHashSet();
        var feedbackChunks = tokenized.Statistics(feedbackIds, [], ranked.Count);
        var (byTerm, chosen) = await ChooseExpansionAsync(commands, null, ranked, feedbackChunks, feedback, totals, cancellationToken);
        var needed = tokenized.Statistics(feedbackIds, chosen, ranked.Count, tokenized.Lengths());
        return With(needed, byTerm, totals);
    }

    /// <summary>The collection's chunk count of each term of the feedback chunks, and the expansion terms feedback chooses with them.</summary>
    private static async Task<(Dictionary<string, long> ByTerm, List<string> Expansion)> ChooseExpansionAsync(
        CommandCache commands, SqliteTransaction? scratch, IReadOnlyList<(long Id, double Score)> ranked, FtsTermStatistics feedbackChunks,
        KeywordFeedback feedback, (long Chunks, long Tokens) totals, CancellationToken cancellationToken)
    {
        var terms = Enumerable.Range(0, feedbackChunks.TermCount).Select(feedbackChunks.Term).ToArray();
        var counts = await FtsTermRows.ReadChunkCountsAsync(commands, terms, cancellationToken, scratch);
        var byTerm = terms.Select((t, i) => (t, counts[i])).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal);
        var expansion = Rm3Reranker.ExpansionTerms(ranked, With(feedbackChunks, byTerm, totals), feedback).Select(e => feedbackChunks.Term(e.TermId)).ToList();
        return (byTerm, expansion);
    }

    private static CandidateTermStatistics With(FtsTermStatistics candidates, Dictionary<string, long> byTerm, (long Chunks, long Tokens) totals)
    {
        var frequencies = new Dictionary<int, long>(candidates.TermCount);
        for (var id = 0; id < candidates.TermCount; id++)
        {
            frequencies[id] = byTerm.GetValueOrDefault(candidates.Term(id));
        }

        return new CandidateTermStatistics(candidates, frequencies, totals.Chunks, totals.Tokens);
    }

    /// <summary>The candidates' title and text lengths from the scratch table's docsize rows (a varint per column).</summary>
    private static async Task<Dictionary<long, (int Title, int Text)>> ReadLengthsAsync(CommandCache commands, SqliteTransaction scratch, CancellationToken cancellationToken)
    {
        var lengths = new Dictionary<long, (int, int)>();
        using var reader = await commands.Get(ReadLengthsSql, scratch).ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            var size = (byte[])reader.GetValue(1);
            var at = 0;
            var title = (int)Varint(size, ref at);
            lengths[reader.GetInt64(0)] = (title, (int)Varint(size, ref at));
        }

        return lengths;
    }

    /// <summary>A SQLite varint: big-endian groups of 7 bits while the high bit is set; a ninth byte gives all 8.</summary>
    private static long Varint(byte[] bytes, ref int at)
    {
        long value = 0;
        for (var i = 0; i < 9 && at < bytes.Length; i++)
        {
            var current = bytes[at++];
            if (i == 8)
            {
                return (value << 8) | current;
            }

            value = (value << 7) | (current & 0x7FL);
            if (current < 0x80)
            {
                break;
            }
        }

        return value;
    }
}
