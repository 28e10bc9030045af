using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;
using RagPapers.Testing.Storage;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// The first pass on disk checks its best chunks against the chunks table (a gone chunk's postings stay on disk) and,
/// for feedback, reads the live ones' titles and texts in the same statement.
/// </summary>
public sealed class KeywordPostingsRankingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RankAsync_DeletedChunkAmongTheBest_NextTakesItsPlaceAndTextsAreTheLiveChunksOwn()
    {
        var path = _temp.File("live.db");
        long gone;
        await using (var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, KeywordFeedback.Off, inMemoryKeywordChunks: 0))
        {
            await index.OpenAsync(TestStores.Embedder);
            await index.UpsertAsync([
                TestPapers.Document(TestPapers.Make("gone", "Zeolite zeolite zeolite", "Zeolite zeolite pores.", source: "b.txt")),
                .. Enumerable.Range(0, 5).Select(i => TestPapers.Document(TestPapers.Make($"p{i}", $"Paper {i}", "Zeolite " + string.Join(' ', Enumerable.Repeat("filler", 3 * i))))),
            ]);
            gone = TestStores.Query<long>(path, "SELECT id FROM chunks WHERE paper_id = 'gone'").Single();
            await index.DeleteBySourceAsync("b.txt");
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        using var commands = new CommandCache(connection);
        var stem = FtsTokenizer.Terms("zeolite")!.Single();
        var (chunks, tokens) = await FtsTermRows.ReadTotalsAsync(commands, CancellationToken.None);
        var rows = (await FtsTermRows.ReadChunkCountsAsync(commands, [stem], CancellationToken.None)).Single();
        var sut = new KeywordPostingsRanking();
        var texts = new Dictionary<long, (string Title, string Text)>();

        var withTexts = await sut.RankAsync(commands, [(stem, rows)], chunks, tokens, 2.0, 3, null, texts, CancellationToken.None);
        var withoutTexts = await sut.RankAsync(commands, [(stem, rows)], chunks, tokens, 2.0, 3, null, null, CancellationToken.None);

        // The gone chunk scored best (six zeolites); the three best live ones are p0, p1, p2 (the shortest first).
        Assert.Equal(TestStores.Query<string>(path, $"SELECT c.paper_id FROM chunks c JOIN papers p ON p.id = c.paper_id ORDER BY length({StoredChunkText.Sql}) LIMIT 3"), withTexts.Select(r => PaperOf(path, r.Id)));
        Assert.DoesNotContain(withTexts, r => r.Id == gone);
        Assert.Equal(withoutTexts, withTexts);
        Assert.Equal(withTexts.Select(r => r.Id).Order(), texts.Keys.Order());
        Assert.All(withTexts, r => Assert.Equal(
            TestStores.Query<string>(path, $"SELECT p.title || '|' || {StoredChunkText.Sql} FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.id = {r.Id}").Single(),
            texts[r.Id].Title + "|" + texts[r.Id].Text));
    }

    private static string PaperOf(string path, long chunk) => TestStores.Query<string>(path, $"SELECT paper_id FROM chunks WHERE id = {chunk}").Single();
}
