namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The stem FTS5's 'porter unicode61' tokenizer gives a query term: from the .NET tokenizer, which the conformance tests
/// hold to FTS5's own rules, or, for a term it splits or cannot promise, asked of SQLite itself (the term is written to
/// a scratch FTS5 table with the same tokenizer and read back through its vocabulary). A term stemmed differently from
/// the index finds nothing.
/// </summary>
/// <remarks>
/// Stems do not depend on the data, so they are cached across writes; the scratch tables live in the connection's
/// temp schema and are emptied after each use. A term is one run of letters and digits (<see cref="FtsQuery.Terms"/>),
/// which unicode61 keeps as a single token.
/// </remarks>
internal sealed class FtsStemmer(CommandCache commands)
{
    // Bounds the cache of a long-running server.
    private const int MaxCachedStems = 50_000;

    private const string CreateTableSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.stem_probe USING fts5(term, tokenize='porter unicode61')";
    private const string CreateVocabularySql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.stem_probe_instance USING fts5vocab(temp, stem_probe, instance)";
    private const string InsertSql = "INSERT INTO temp.stem_probe(rowid, term) VALUES ($row, $term)";
    private const string ReadSql = "SELECT doc, term FROM temp.stem_probe_instance";

    private readonly Dictionary<string, string?> _stems = new(StringComparer.Ordinal);
    private bool _created;

    /// <summary>The stem of each term, in order; null for a term the tokenizer drops entirely.</summary>
    public async Task<IReadOnlyList<string?>> StemAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        // Bounded before this call's stems go in, so none of them is dropped before it returns.
        if (_stems.Count + terms.Count > MaxCachedStems)
        {
            _stems.Clear();
        }

        var missing = terms.Where(t => !_stems.ContainsKey(t) && !StemInDotNet(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            await ProbeAsync(missing, cancellationToken);
        }

        return [.. terms.Select(t => _stems[t])];
    }

    /// <summary>
    /// Stems a term that the .NET tokenizer (<see cref="FtsTokenizer"/>, FTS5's own rules) makes into one term or none;
    /// one it splits, or cannot promise, is left to FTS5.
    /// </summary>
    private bool StemInDotNet(string term)
    {
        if (FtsTokenizer.Terms(term) is not { Count: <= 1 } stems)
        {
            return false;
        }

        _stems[term] = stems.Count == 0 ? null : stems[0];
        return true;
    }

    private async Task ProbeAsync(string[] terms, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await commands.Get(CreateTableSql).ExecuteNonQueryAsync(cancellationToken);
            await commands.Get(CreateVocabularySql).ExecuteNonQueryAsync(cancellationToken);
            _created = true;
        }

        // One transaction, rolled back: FTS5 flushes once instead of writing a segment per term, and nothing is left to delete.
        using var scratch = commands.BeginScratch();
        for (var i = 0; i < terms.Length; i++)
        {
            await commands.Get(InsertSql, scratch).Set("$row", i).Set("$term", terms[i]).ExecuteNonQueryAsync(cancellationToken);
        }

        var found = new string?[terms.Length];
        using (var reader = await commands.Get(ReadSql, scratch).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        for (var i = 0; i < terms.Length; i++)
        {
            _stems[terms[i]] = found[i];
        }

        scratch.Rollback();
    }
}
