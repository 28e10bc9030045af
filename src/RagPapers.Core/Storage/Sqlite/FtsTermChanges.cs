using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// How one write changes <see cref="FtsTermRows"/>: the chunks it adds count +1 for each distinct stemmed term they hold,
/// the chunks it removes −1, and both change the live chunks and their tokens. The terms are FTS5's own: chunks are
/// tokenized in .NET exactly as FTS5 does (<see cref="ChunkTermCounter"/>, proved against the linked SQLite by the
/// conformance tests); the rare chunk with a token whose term it cannot promise (a cut inside a character) runs through
/// a scratch FTS5 table with the index's tokenizer and is read back through its vocabulary, as <see cref="FtsStemmer"/>
/// does for a query; the two are merged, so the counts are the ones an FTS5 index of the same chunks would hold.
/// </summary>
internal sealed class FtsTermChanges
{
    private const string CreateTableSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_delta USING fts5(title, text, content='', tokenize='porter unicode61')";
    private const string CreateVocabularySql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_delta_row USING fts5vocab(temp, term_delta, row)";
    private const string InsertSql = "INSERT INTO temp.term_delta(rowid, title, text) VALUES ($row, $title, $text)";
    private const string ReadSql = "SELECT term, doc, cnt FROM temp.term_delta_row";
    private const string Savepoint = "term_delta";

    private readonly List<(string Title, string Text)> _added = [];
    private readonly List<long?> _posted = [];
    private readonly List<(string Title, string Text)> _removed = [];
    private readonly bool _fts5Only;
    private ChunkTermCounter? _counted;
    private List<(string Term, List<KeywordPosting> Postings)> _fts5Postings = [];

    /// <param name="fts5Only">Tokenize every chunk through FTS5, as before the .NET tokenizer: the reference it is tested against.</param>
    public FtsTermChanges(bool fts5Only = false) => _fts5Only = fts5Only;

    public Dictionary<string, long> Terms { get; } = new(StringComparer.Ordinal);

    public long Chunks { get; private set; }

    public long Tokens { get; private set; }

    /// <summary>The keyword postings of the added chunks marked for them (<see cref="AddedPostings"/>), once counted.</summary>
    public List<(string Term, long FirstChunk, byte[] Block)> Postings { get; private set; } = [];

    /// <param name="postingsChunk">The chunk's id when it gets keyword postings (not when a later paper of the batch replaces it).</param>
    public void Add(string title, string text, long? postingsChunk = null)
    {
        if (!_fts5Only && (_counted ??= ChunkTermCounter.Rent()).Count(title, text, postingsChunk, +1))
        {
            return;
        }

        _added.Add((title, text));
        _posted.Add(postingsChunk);
    }

    public void Remove(string title, string text)
    {
        if (!_fts5Only && (_counted ??= ChunkTermCounter.Rent()).Count(title, text, null, -1))
        {
            return;
        }

        _removed.Add((title, text));
    }

    /// <summary>Tokenizes what was added and removed into <see cref="Terms"/>, <see cref="Chunks"/> and <see cref="Tokens"/>.</summary>
    public async Task CountAsync(CommandCache commands, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (_removed.Count > 0 || _added.Count > 0)
        {
            await commands.Get(CreateTableSql, transaction).ExecuteNonQueryAsync(cancellationToken);
            await commands.Get(CreateVocabularySql, transaction).ExecuteNonQueryAsync(cancellationToken);
            await CountAsync(commands, transaction, _removed, -1, cancellationToken);
            await CountAsync(commands, transaction, _added, +1, cancellationToken);
        }

        IncludeCounted();
        _removed.Clear();
        _added.Clear();
        _posted.Clear();
    }

    /// <summary>Counts what was added and removed on a private in-memory connection, whose temp schema holds the scratch table.</summary>
    public async Task CountOnOwnConnectionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        using var commands = new CommandCache(connection);
        using var transaction = commands.BeginScratch();
        await CountAsync(commands, transaction, cancellationToken);
        transaction.Rollback();
    }

    /// <summary>Adds counts made elsewhere (<see cref="AddedTextCounter"/>) to these.</summary>
    public void Include(FtsTermChanges counted)
    {
        foreach (var (term, delta) in counted.Terms)
        {
            Terms[term] = Terms.GetValueOrDefault(term) + delta;
        }

        Chunks += counted.Chunks;
        Tokens += counted.Tokens;
    }

    /// <summary>Adds what <see cref="ChunkTermCounter"/> counted, and makes the postings of both tokenizations one set of blocks.</summary>
    private void IncludeCounted()
    {
        if (_counted is { } counted)
        {
            foreach (var (term, delta) in counted.ChunkDeltas())
            {
                Terms[term] = Terms.GetValueOrDefault(term) + delta;
            }

            Chunks += counted.Chunks;
            Tokens += counted.Tokens;
        }

        Postings = AddedPostingBlocks.Encode(_counted?.Postings() ?? [], _fts5Postings);
        _counted?.Reset();
        _counted = null;
        _fts5Postings = [];
    }

    /// <summary>The non-zero term deltas as one JSON object, in term order so the upsert walks the B-tree forwards.</summary>
    public string TermsJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (term, delta) in Terms.Where(t => t.Value != 0).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(term, delta);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private async Task CountAsync(CommandCache commands, SqliteTransaction transaction, List<(string Title, string Text)> chunks, int sign, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0)
        {
            return;
        }

        // Tokenized inside a savepoint that is rolled back: one FTS5 flush for the batch, and nothing to delete afterwards.
        transaction.Save(Savepoint);
        try
        {
            var insert = commands.Get(InsertSql, transaction);
            for (var i = 0; i < chunks.Count; i++)
            {
                await insert.Set("$row", i + 1).Set("$title", chunks[i].Title).Set("$text", chunks[i].Text).ExecuteNonQueryAsync(cancellationToken);
            }

            var tokens = new List<(string Term, long Tokens)>();
            using (var reader = await commands.Get(ReadSql, transaction).ExecuteReaderAsync(cancellationToken))
            {
                while (reader.Read())
                {
                    var term = reader.GetString(0);
                    Terms[term] = Terms.GetValueOrDefault(term) + (sign * reader.GetInt64(1));
                    Tokens += sign * reader.GetInt64(2);
                    tokens.Add((term, reader.GetInt64(2)));
                }
            }

            Chunks += sign * chunks.Count;
            if (sign > 0 && _posted.Any(id => id is not null))
            {
                _fts5Postings = await AddedPostings.ReadAsync(commands, transaction, tokens, _posted, cancellationToken);
            }
        }
        finally
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
        }
    }
}
