using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>An older store is upgraded in place on open, once, in one transaction; a newer one is refused.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Migrations_Versions_RunConsecutivelyFromTheBaseToSchemaVersion()
    {
        var versions = SqliteMigrations.All.Select(m => m.Version).ToArray();

        Assert.Equal(Enumerable.Range(2, versions.Length), versions); // from the first release's version 1
        Assert.Equal(SqlitePaperIndex.SchemaVersion, versions[^1]);
    }

    [Fact]
    public async Task OpenAsync_VersionOneStoreWithPapers_UpgradesInPlaceAndFillsTheVocabularyFromItsRows()
    {
        var path = _temp.File("store.db");
        await CreateVersionOneStoreAsync(path);

        await using var sut = await TestStores.OpenAsync(path);

        Assert.Equal(2, await sut.CountPapersAsync());
        Assert.Equal(SqlitePaperIndex.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), SchemaVersionOf(path));
        var vocabulary = await sut.GetVocabularyAsync();
        Assert.Equal(2, vocabulary.PapersWith("zeolite"));
        Assert.Equal(1, vocabulary.PapersWith("catalysis"));
        Assert.Equal(1, vocabulary.PapersWith("membranes"));
    }

    [Fact]
    public async Task OpenAsync_UpgradedStore_HasExactlyTheSchemaOfANewStore()
    {
        var upgraded = _temp.File("upgraded.db");
        await CreateVersionOneStoreAsync(upgraded);
        await (await TestStores.OpenAsync(upgraded)).DisposeAsync();
        await (await TestStores.OpenAsync(_temp.File("new.db"))).DisposeAsync();

        Assert.Equal(SchemaOf(_temp.File("new.db")), SchemaOf(upgraded));
    }

    [Fact]
    public async Task UpsertAsync_AfterUpgrade_KeepsTheVocabularyRight()
    {
        var path = _temp.File("store.db");
        await CreateVersionOneStoreAsync(path);
        await using var sut = await TestStores.OpenAsync(path);

        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", "Perovskite films", "Thin films."))]);

        var vocabulary = await sut.GetVocabularyAsync();
        Assert.Equal(1, vocabulary.PapersWith("zeolite"));
        Assert.False(vocabulary.Contains("catalysis"));
        Assert.Equal(1, vocabulary.PapersWith("perovskite"));
    }

    [Fact]
    public async Task OpenAsync_VersionFourStore_BuildsTheKeywordPostingsOfItsChunks()
    {
        // Above the in-memory limit keyword search ranks from the postings alone: a store upgraded without them would find nothing.
        var (upgraded, fresh) = await TwoStoresAsync(
        [
            TestPapers.Document(TestPapers.Make("p1", "Zeolite catalysis", "Zeolite pores trap small molecules.")),
            TestPapers.Document(TestPapers.Make("p2", "Zeolite membranes", "Membranes filter water."), "Membranes filter water.", "Zeolite films grow."),
        ]);

        TestStores.Execute(upgraded, TestStores.BackBeforeVersion7Sql + "DROP TABLE keyword_postings; DELETE FROM meta WHERE key LIKE 'postings_unmerged_%'; UPDATE meta SET value = '4' WHERE key = 'schema_version'");
        await using var sut = new SqlitePaperIndex(upgraded, NullLogger<SqlitePaperIndex>.Instance, inMemoryKeywordChunks: 0);
        await sut.OpenAsync(TestStores.Embedder);

        Assert.Equal(TestStores.Query<string>(fresh, "SELECT term || ' ' || first_chunk || ' ' || hex(postings) FROM keyword_postings ORDER BY term, first_chunk"),
            TestStores.Query<string>(upgraded, "SELECT term || ' ' || first_chunk || ' ' || hex(postings) FROM keyword_postings ORDER BY term, first_chunk"));
        await using var reference = new SqlitePaperIndex(fresh, NullLogger<SqlitePaperIndex>.Instance, inMemoryKeywordChunks: 0);
        await reference.OpenAsync(TestStores.Embedder);
        var expected = await reference.KeywordSearchAsync("films and pores", 5);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, await sut.KeywordSearchAsync("films and pores", 5));
    }

    [Fact]
    public async Task OpenAsync_VersionSixStore_DropsItsFtsIndexIndexesDatesAndRanksAsAFreshStore()
    {
        var (upgraded, fresh) = await TwoStoresAsync([.. SqliteOnDiskKeywordRankingTests.Corpus().Take(60)]);

        TestStores.Execute(upgraded, TestStores.BackBeforeVersion7Sql + "UPDATE meta SET value = '6' WHERE key = 'schema_version'");
        Assert.Equal(TestStores.CountRows(upgraded, "chunks"), TestStores.CountRows(upgraded, "chunks_fts"));
        // Both from the postings on disk, as a large store ranks: the upgraded store's filtered searches go through the new index.
        await using var sut = new SqlitePaperIndex(upgraded, NullLogger<SqlitePaperIndex>.Instance, inMemoryKeywordChunks: 0);
        await sut.OpenAsync(TestStores.Embedder);
        await using var reference = new SqlitePaperIndex(fresh, NullLogger<SqlitePaperIndex>.Instance, inMemoryKeywordChunks: 0);
        await reference.OpenAsync(TestStores.Embedder);

        Assert.Empty(TestStores.Query<string>(upgraded, "SELECT name FROM sqlite_master WHERE name LIKE 'chunks_fts%'"));
        Assert.Contains("papers_published", QueryPlanOf(upgraded, "SELECT id FROM papers p WHERE p.published <= '2023-12-31'"), StringComparison.Ordinal);
        Assert.Equal(SqlitePaperIndex.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), SchemaVersionOf(upgraded));
        foreach (var query in new[] { "protein folding models", "zeolite", "outcome" })
        {
            foreach (var filter in new SearchFilter?[] { null, new(Source: "c.txt"), new(To: new DateOnly(2023, 12, 31), IncludeUndated: true) })
            {
                var expected = await reference.KeywordSearchAsync(query, 20, filter);
                Assert.NotEmpty(expected);
                Assert.Equal(expected, await sut.KeywordSearchAsync(query, 20, filter));
            }
        }
    }

    [Fact]
    public async Task OpenAsync_UpgradeStepFails_RefusesNamingTheFileAndLeavesTheLastVersionReached()
    {
        var path = _temp.File("store.db");
        await CreateVersionOneStoreAsync(path);
        TestStores.Execute(path, "CREATE TABLE vocabulary(something_else TEXT)"); // the upgrade's CREATE TABLE then fails midway
        await using var sut = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance);

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(TestStores.Embedder));

        // Each step is its own transaction: version 2 (deferred vectors) landed, version 3 (the vocabulary) rolled back.
        Assert.Contains($"Upgrading the store {path} to schema version 3 (collection vocabulary for spelling correction) failed", ex.Message, StringComparison.Ordinal);
        Assert.Equal("2", SchemaVersionOf(path));
        Assert.Equal(2, TestStores.CountRows(path, "papers"));
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_RefusesNamingBothVersions()
    {
        var path = _temp.File("store.db");
        await (await TestStores.OpenAsync(path)).DisposeAsync();
        TestStores.Execute(path, $"UPDATE meta SET value = '{SqlitePaperIndex.SchemaVersion + 1}' WHERE key = 'schema_version'");
        await using var sut = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance);

        var ex = await Assert.ThrowsAsync<StoreIncompatibleException>(() => sut.OpenAsync(TestStores.Embedder));

        Assert.Contains($"schema version {SqlitePaperIndex.SchemaVersion + 1}, written by a newer RagPapers", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"schema versions 1 to {SqlitePaperIndex.SchemaVersion}", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A store as the first release wrote it: this build's store taken back before version 7 (its FTS5 index back, the
    /// date index of version 8 gone), then what versions 3 to 6 added taken away: the vocabulary table, the term counts,
    /// the keyword postings and the count of their unmerged writes in meta. This gives exactly the first release's tables.
    /// </summary>
    private static async Task CreateVersionOneStoreAsync(string path)
    {
        await using (var store = await TestStores.OpenAsync(path))
        {
            await store.UpsertAsync(
            [
                TestPapers.Document(TestPapers.Make("p1", "Zeolite catalysis", "Zeolite pores.")),
                TestPapers.Document(TestPapers.Make("p2", "Zeolite membranes", "Membranes filter.")),
            ]);
        }

        TestStores.Execute(path, TestStores.BackBeforeVersion7Sql + "DROP TABLE vocabulary; DROP TABLE fts_terms; DROP TABLE fts_totals; DROP TABLE keyword_postings; DELETE FROM meta WHERE key LIKE 'postings_unmerged_%'; UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    }

    /// <summary>Two stores holding the same papers: one to take back to an older version and upgrade, one as written fresh.</summary>
    private async Task<(string Upgraded, string Fresh)> TwoStoresAsync(IReadOnlyList<PaperDocument> papers)
    {
        var (upgraded, fresh) = (_temp.File("upgraded.db"), _temp.File("fresh.db"));
        foreach (var path in new[] { upgraded, fresh })
        {
            await using var store = await TestStores.OpenAsync(path);
            await store.UpsertAsync(papers);
        }

        return (upgraded, fresh);
    }

    // EXPLAIN QUERY PLAN's detail column, the plan's steps one per line.
    private static string QueryPlanOf(string path, string sql)
    {
        using var connection = TestStores.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join('\n', steps);
    }

        private static string SchemaVersionOf(string path) => TestStores.Query<string>(path, "SELECT value FROM meta WHERE key = 'schema_version'").Single();

    private static List<string> SchemaOf(string path) =>
        TestStores.Query<string>(path, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
}
