namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The stem FTS5's 'porter unicode61' tokenizer gives a query term, asked of SQLite itself: the term is written to
/// a scratch FTS5 table with the same tokenizer and read back through its vocabulary. A stemmer of our own would
/// differ from FTS5's on some words, and a term stemmed differently from the index finds nothing.
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
        var missing = terms.Where(t => !_stems.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            await ProbeAsync(missing, cancellationToken);
        }

        return [.. terms.Select(t => _stems[t])];
    }

    private async Task ProbeAsync(string[] terms, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await commands.Get(CreateTableSql).ExecuteNonQueryAsync(cancellationToken);
            await commands.Get(CreateVocabularySql).ExecuteNonQueryAsync(cancellationToken);
            _created = true;
        }

        if (_stems.Count + terms.Length > MaxCachedStems)
        {
            _stems.Clear();
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
