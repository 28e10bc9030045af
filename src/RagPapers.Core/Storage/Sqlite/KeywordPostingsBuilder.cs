using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Groups chunks' stemmed terms into <see cref="KeywordPosting"/>s. The chunks go through a scratch FTS5 table with the
/// index's tokenizer on a private in-memory connection and are read back through its vocabulary
/// (<see cref="FtsTermStatistics"/>), so the terms and counts are the ones FTS5 indexes; on its own connection the
/// work can run beside the store's writer.
/// </summary>
internal static class KeywordPostingsBuilder
{
    private const string CreateTableSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.postings_scratch USING fts5(title, text, content='', tokenize='porter unicode61')";
    private const string CreateInstancesSql = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.postings_scratch_instance USING fts5vocab(temp, postings_scratch, instance)";
    private const string ReadInstancesSql = "SELECT term, doc, col = 'title' FROM temp.postings_scratch_instance";
    private const string InsertSql = "INSERT INTO temp.postings_scratch(rowid, title, text) VALUES ($row, $title, $text)";

    /// <summary>The postings of <paramref name="chunks"/> by term, each ascending by chunk; <paramref name="chunkIds"/> gives each chunk's id, ascending.</summary>
    public static async Task<Dictionary<string, List<KeywordPosting>>> BuildAsync(
        IReadOnlyList<(string Title, string Text)> chunks, IReadOnlyList<long> chunkIds, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        using var commands = new CommandCache(connection);
        await commands.Get(CreateTableSql).ExecuteNonQueryAsync(cancellationToken);
        using var scratch = commands.BeginScratch();
        var insert = commands.Get(InsertSql, scratch);
        for (var i = 0; i < chunks.Count; i++)
        {
            await insert.Set("$row", chunkIds[i]).Set("$title", chunks[i].Title).Set("$text", chunks[i].Text).ExecuteNonQueryAsync(cancellationToken);
        }

        var tokenized = await FtsTermStatistics.LoadAsync(commands, CreateInstancesSql, ReadInstancesSql, chunks.Count, cancellationToken, scratch);
        scratch.Rollback();
        return Group(tokenized);
    }

    private static Dictionary<string, List<KeywordPosting>> Group(FtsTermStatistics tokenized)
    {
        var lengths = new int[tokenized.IndexedChunks];
        for (var i = 0; i < lengths.Length; i++)
        {
            lengths[i] = tokenized.TryGetChunk(tokenized.ChunkId(i), out var terms) ? terms.Length : 0;
        }

        var postings = new Dictionary<string, List<KeywordPosting>>(tokenized.TermCount, StringComparer.Ordinal);
        for (var termId = 0; termId < tokenized.TermCount; termId++)
        {
            var list = new List<KeywordPosting>();
            foreach (var posting in tokenized.Postings(termId))
            {
                list.Add(new KeywordPosting(tokenized.ChunkId(posting.Chunk), posting.TitleCount, posting.TextCount, lengths[posting.Chunk]));
            }

            postings[tokenized.Term(termId)] = list;
        }

        return postings;
    }
}
