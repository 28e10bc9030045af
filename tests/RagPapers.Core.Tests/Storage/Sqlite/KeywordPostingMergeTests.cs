using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// Every 16 writes' keyword posting rows become one row per term (KeywordPostingMerge), and a store of schema 5 has its
/// rows merged when it is opened: fewer rows for a search to read, the same postings and the same ranking.
/// </summary>
public sealed class KeywordPostingMergeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UpsertAsync_ManyWrites_MergesEverySixteenIntoARowPerTerm_KeepingEveryPosting()
    {
        var papers = SqliteOnDiskKeywordRankingTests.Corpus();
        var inOneWrite = await WriteAsync("one.db", papers, writes: 1);

        var inForty = await WriteAsync("forty.db", papers, writes: 40);

        // Two merges of 16 writes, a row per term each, then eight more writes of a row each at most.
        Assert.InRange(MostRowsOfATerm(inForty), 3, 2 + 8);
        Assert.Equal("8", UnmergedWrites(inForty));
        Assert.Equal(PostingsByTerm(inOneWrite), PostingsByTerm(inForty));
        await AssertSameRankingAsync(inOneWrite, inForty);
    }

    [Fact]
    public async Task OpenAsync_VersionFiveStore_MergesItsPostingRowsKeepingEveryPosting()
    {
        var papers = SqliteOnDiskKeywordRankingTests.Corpus();
        var reference = await WriteAsync("reference.db", papers, writes: 1);
        var upgraded = await WriteAsync("upgraded.db", papers, writes: 15); // a row per term per write: no merge yet
        Assert.Equal(15, MostRowsOfATerm(upgraded));
        BackToVersionFive(upgraded);

        await using (var store = new SqlitePaperIndex(upgraded, NullLogger<SqlitePaperIndex>.Instance, KeywordFeedback.Off, inMemoryKeywordChunks: 0))
        {
            await store.OpenAsync(TestStores.Embedder);
        }

        Assert.Equal(1, MostRowsOfATerm(upgraded));
        Assert.Equal("0", UnmergedWrites(upgraded));
        Assert.Equal(PostingsByTerm(reference), PostingsByTerm(upgraded));
        await AssertSameRankingAsync(reference, upgraded);
    }

    [Fact]
    public async Task UpsertAsync_AfterAnUpgradeMerge_MergesTheNextWritesFromWhereItStopped()
    {
        var papers = SqliteOnDiskKeywordRankingTests.Corpus();
        var reference = await WriteAsync("reference.db", papers, writes: 1);
        var path = await WriteAsync("store.db", papers.Take(100).ToList(), writes: 10);
        BackToVersionFive(path);

        await WriteAsync(path, papers.Skip(100).ToList(), writes: 33);

        // The upgrade's row per term, two merges of 16 writes, and the one write after them.
        Assert.InRange(MostRowsOfATerm(path), 3, 4);
        Assert.Equal("1", UnmergedWrites(path));
        Assert.Equal(PostingsByTerm(reference), PostingsByTerm(path));
    }

    // A store of this build as schema 5 wrote it: no count of unmerged writes, every posting row unmerged.
    private static void BackToVersionFive(string path) =>
        TestStores.Execute(path, TestStores.BackBeforeVersion7Sql + "DELETE FROM meta WHERE key LIKE 'postings_unmerged_%'; UPDATE meta SET value = '5' WHERE key = 'schema_version'");

    private static string UnmergedWrites(string path) =>
        TestStores.Query<string>(path, "SELECT value FROM meta WHERE key = 'postings_unmerged_writes'").Single();

    private async Task<string> WriteAsync(string name, IReadOnlyList<PaperDocument> papers, int writes)
    {
        var path = Path.IsPathRooted(name) ? name : _temp.File(name);
        await using var store = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, KeywordFeedback.Off, inMemoryKeywordChunks: 0);
        await store.OpenAsync(TestStores.Embedder);
        foreach (var batch in papers.Select((paper, i) => (paper, i)).GroupBy(p => p.i * writes / papers.Count, p => p.paper))
        {
            await store.UpsertAsync([.. batch]);
        }

        return path;
    }

    private static async Task AssertSameRankingAsync(string expectedPath, string actualPath)
    {
        var feedback = new KeywordFeedback(Documents: 5, Terms: 10, OriginalWeight: 0.6, Candidates: 100);
        await using var expected = new SqlitePaperIndex(expectedPath, NullLogger<SqlitePaperIndex>.Instance, feedback, inMemoryKeywordChunks: 0);
        await using var actual = new SqlitePaperIndex(actualPath, NullLogger<SqlitePaperIndex>.Instance, feedback, inMemoryKeywordChunks: 0);
        await expected.OpenAsync(TestStores.Embedder);
        await actual.OpenAsync(TestStores.Embedder);
        foreach (var query in new[] { "models of protein folding", "graph neural networks for protein models", "Naïve café transformers" })
        {
            var hits = await expected.KeywordSearchAsync(query, 40);
            Assert.NotEmpty(hits);
            Assert.Equal(hits, await actual.KeywordSearchAsync(query, 40));
        }
    }

    private static int MostRowsOfATerm(string path) =>
        (int)TestStores.Query<long>(path, "SELECT max(n) FROM (SELECT count(*) AS n FROM keyword_postings GROUP BY term)").Single();

    // Every posting of every term, decoded as the ranking reads them, whatever rows hold them.
    private static Dictionary<string, List<KeywordPosting>> PostingsByTerm(string path)
    {
        var byTerm = new Dictionary<string, List<KeywordPosting>>(StringComparer.Ordinal);
        using var connection = TestStores.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, first_chunk, postings FROM keyword_postings ORDER BY term, first_chunk";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var term = reader.GetString(0);
            if (!byTerm.TryGetValue(term, out var postings))
            {
                byTerm[term] = postings = [];
            }

            postings.AddRange(KeywordPostingBlockTests.Read((byte[])reader.GetValue(2), reader.GetInt64(1)));
        }

        return byTerm;
    }
}
