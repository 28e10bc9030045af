using Microsoft.Data.Sqlite;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// Feedback's statistics from the .NET tokenizer (<see cref="TokenizedChunks"/>) are those FTS5's instance vocabulary
/// gives of the same chunks (<see cref="FtsTermStatistics.LoadAsync(CommandCache, string, string, long, CancellationToken, SqliteTransaction?, IReadOnlyList{ValueTuple{string, object}}?, IReadOnlyDictionary{long, ValueTuple{int, int}}?)"/>):
/// the same terms in the same order, frequencies, and per chunk the same term ids, counts and lengths.
/// </summary>
public sealed class TokenizedChunksTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Statistics_SciFactChunksWithNonAscii_SameAsFts5sInstanceVocabulary(bool numberingKeptFromEarlierChunks)
    {
        var rows = TokenizerCorpora.SciFactTexts().Chunk(2).Take(300).Select((p, i) => (Id: 10L + (7 * i), Title: p[0], Text: p[^1]))
            .Concat(UnicodeEdgeCases.Texts.Select((t, i) => (Id: 5000L + i, Title: t, Text: t)))
            .ToDictionary(r => r.Id, r => (r.Title, r.Text));
        var (connection, commands) = await Fts5ProbeAsync(rows);
        await using var ownedConnection = connection;
        using var ownedCommands = commands;

        var expected = await FtsTermStatistics.LoadAsync(
            commands, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.probe_instance USING fts5vocab(temp, probe, instance)",
            "SELECT term, doc, col = 'title' FROM temp.probe_instance", rows.Count, CancellationToken.None);

        var numbering = numberingKeptFromEarlierChunks ? new TermNumbering() : null;
        if (numbering is not null)
        {
            // An earlier question's candidates, some of them the same chunks: their tokens' terms are looked up now.
            var earlier = TokenizerCorpora.SciFactTexts().Chunk(2).Skip(150).Take(300).Select((p, i) => (Id: (long)i, Title: p[0], Text: p[^1]));
            Assert.NotNull(TokenizedChunks.Of(earlier.ToDictionary(r => r.Id, r => (r.Title, r.Text)), numbering));
        }

        var sut = TokenizedChunks.Of(rows, numbering)!.Statistics(rows.Keys.ToHashSet(), [], rows.Count);

        AssertSameStatistics(expected, sut, rows.Keys);
    }

    [Fact]
    public async Task Statistics_SomeChunksWholeAndOthersChosenTermsOnly_SameAsFts5sInstanceVocabularyFiltered()
    {
        // Feedback's second read: its feedback chunks whole, of the others only the expansion terms, with every chunk's
        // full lengths. The terms' ids must still follow FTS5's order among the tokens kept.
        var rows = TokenizerCorpora.SciFactTexts().Chunk(2).Take(200).Select((p, i) => (Id: 3L + (5 * i), Title: p[0], Text: p[^1]))
            .Concat(UnicodeEdgeCases.Texts.Select((t, i) => (Id: 4000L + i, Title: t, Text: t)))
            .ToDictionary(r => r.Id, r => (r.Title, r.Text));
        var whole = rows.Keys.Where((_, i) => i % 17 == 0).ToHashSet();
        var tokenized = TokenizedChunks.Of(rows)!;
        var chosen = tokenized.Statistics(whole, [], rows.Count);
        var terms = Enumerable.Range(0, chosen.TermCount).Where(t => t % 3 == 0).Select(chosen.Term).Append("cell").Append("protein").ToHashSet(StringComparer.Ordinal);
        var (connection, commands) = await Fts5ProbeAsync(rows);
        await using var ownedConnection = connection;
        using var ownedCommands = commands;

        var expected = await FtsTermStatistics.LoadAsync(
            commands, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.probe_instance USING fts5vocab(temp, probe, instance)",
            "SELECT term, doc, col = 'title' FROM temp.probe_instance WHERE doc IN (SELECT value FROM json_each($docs)) OR term IN (SELECT value FROM json_each($terms)) ORDER BY term, doc",
            rows.Count, CancellationToken.None, null, [("$docs", JsonIdList.From(whole)), ("$terms", JsonIdList.From(terms))], tokenized.Lengths());

        var sut = tokenized.Statistics(whole, terms, rows.Count, tokenized.Lengths());

        Assert.True(sut.TermCount > terms.Count);
        AssertSameStatistics(expected, sut, rows.Keys);
    }

    private static string Describe(FtsTermStatistics.ChunkTerms? terms) => terms is null ? "none" :
        $"{string.Join(',', terms.TermIds)} | {string.Join(',', terms.TitleCounts)} | {string.Join(',', terms.TextCounts)} | {terms.TitleLength} {terms.TextLength}";

    // Terms in the same order with the same chunk counts, the same average length, and each chunk's terms and counts.
    private static void AssertSameStatistics(FtsTermStatistics expected, FtsTermStatistics sut, IEnumerable<long> chunks)
    {
        Assert.Equal(Enumerable.Range(0, expected.TermCount).Select(expected.Term), Enumerable.Range(0, sut.TermCount).Select(sut.Term));
        Assert.Equal(Enumerable.Range(0, expected.TermCount).Select(expected.DocumentFrequency), Enumerable.Range(0, sut.TermCount).Select(sut.DocumentFrequency));
        Assert.Equal(expected.AverageLength, sut.AverageLength);
        foreach (var id in chunks)
        {
            Assert.Equal(expected.TryGetChunk(id, out var want), sut.TryGetChunk(id, out var got));
            Assert.Equal(Describe(want), Describe(got));
        }
    }

    // The rows in a contentless FTS5 table (temp.probe) with the store's tokenizer: its instance vocabulary is the reference.
    private static async Task<(SqliteConnection Connection, CommandCache Commands)> Fts5ProbeAsync(Dictionary<long, (string Title, string Text)> rows)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var commands = new CommandCache(connection);
        await commands.Get("CREATE VIRTUAL TABLE temp.probe USING fts5(title, text, content='', tokenize='porter unicode61')").ExecuteNonQueryAsync();
        foreach (var (id, (title, text)) in rows)
        {
            await commands.Get("INSERT INTO temp.probe(rowid, title, text) VALUES ($id, $title, $text)").Set("$id", id).Set("$title", title).Set("$text", text).ExecuteNonQueryAsync();
        }

        return (connection, commands);
    }
}
