using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

public sealed class SqliteKeywordSearchTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private SqlitePaperIndex _sut = null!;

    public async Task InitializeAsync()
    {
        _sut = await TestStores.OpenAsync(_temp.File("store.db"));
        await _sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("common1", "Graph learning", "Graph models learn node features from graph structure.", new DateOnly(2023, 5, 1), "a.txt")),
            TestPapers.Document(TestPapers.Make("rare", "Catalysis", "Graph models of zeolite catalysis predict reaction rates.", new DateOnly(2024, 5, 1), "a.txt")),
            TestPapers.Document(TestPapers.Make("common2", "Message passing", "Message passing over graph edges aggregates features.", new DateOnly(2024, 8, 1), "b.txt")),
            TestPapers.Document(TestPapers.Make("undated", "Graph theory", "Graph colouring bounds for sparse structure.", null, "b.txt")),
            TestPapers.Document(TestPapers.Make("protein", "Protein folding", "Protein structure prediction from sequences.", new DateOnly(2022, 1, 1), "c.txt")),
            TestPapers.Document(TestPapers.Make("weather", "Weather", "Forecasting rainfall with ensembles.", new DateOnly(2022, 2, 1), "c.txt")),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _sut.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task KeywordSearchAsync_RareTerm_RanksItsPaperFirst()
    {
        var hits = await _sut.KeywordSearchAsync("catalysis features", 10);

        Assert.Equal("rare", hits[0].PaperId);
        Assert.Equal(3, hits.Count); // "features" is in two of the six chunks: common1 and common2
        Assert.All(hits, h => Assert.True(h.Score > 0));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.Equal("Graph models of zeolite catalysis predict reaction rates.", hits[0].Text);
    }

    [Fact]
    public async Task KeywordSearchAsync_TermInHalfTheChunksOrMore_LeftOutOfTheMatch()
    {
        // "graph" is in four of the six chunks, so FTS5's bm25 would give it an IDF of ~0: only "zeolite" ranks.
        var hits = await _sut.KeywordSearchAsync("zeolite graph", 10);

        Assert.Equal(["rare"], hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task KeywordSearchAsync_OnlyCommonTerms_StillFindsByTheRarest()
    {
        // Of six chunks "graph" is in 4 and "structure" in 3: both are common, "structure" is the rarer one.
        var hits = await _sut.KeywordSearchAsync("graph structure", 10);

        Assert.Equal(["common1", "protein", "undated"], hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KeywordSearchAsync_AfterUpsert_UsesFreshTermStatistics()
    {
        await using var store = await TestStores.OpenAsync(_temp.File("stats.db"));
        await store.UpsertAsync([TestPapers.Document(TestPapers.Make("a", abstractText: "Sparse graph."))]);
        Assert.Single(await store.KeywordSearchAsync("graph zeolite", 10)); // "graph" is in 1 of 1 chunks here
        await store.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("b", abstractText: "Porous zeolite.")),
            TestPapers.Document(TestPapers.Make("c", abstractText: "Dense matrix.")),
            TestPapers.Document(TestPapers.Make("d", abstractText: "Fast solver.")),
        ]);

        var hits = await store.KeywordSearchAsync("graph zeolite", 10);

        Assert.Equal(["a", "b"], hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KeywordSearchAsync_TermInTitleAndInText_TitleMatchRanksFirst()
    {
        await using var store = await TestStores.OpenAsync(_temp.File("title.db"));
        await store.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("in-text", "Spectral bounds", "A study of sparsifier spectral bounds for edges.")),
            TestPapers.Document(TestPapers.Make("in-title", "Graph sparsifier", "A study of spectral bounds for weighted edges.")),
        ]);

        var hits = await store.KeywordSearchAsync("sparsifier", 10);

        Assert.Equal(["in-title", "in-text"], hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task KeywordSearchAsync_Top_LimitsHits()
    {
        Assert.Equal(2, (await _sut.KeywordSearchAsync("graph", 2)).Count);
    }

    [Fact]
    public async Task KeywordSearchAsync_DateRange_KeepsOnlyDatedPapersInRange()
    {
        var hits = await _sut.KeywordSearchAsync("graph", 10, new SearchFilter(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 6, 30)));

        Assert.Equal(["rare"], hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task KeywordSearchAsync_UpperDateBoundOnly_DropsUndatedPapers()
    {
        var hits = await _sut.KeywordSearchAsync("graph", 10, new SearchFilter(To: new DateOnly(2030, 1, 1)));

        Assert.Equal(["common1", "common2", "rare"], hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KeywordSearchAsync_Source_KeepsOnlyThatSource()
    {
        var hits = await _sut.KeywordSearchAsync("graph", 10, new SearchFilter(Source: "b.txt"));

        Assert.Equal(["common2", "undated"], hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the of and what is")]
    [InlineData("*** --- ::: ()")]
    public async Task KeywordSearchAsync_NoSearchableTerm_ReturnsEmpty(string query)
    {
        Assert.Empty(await _sut.KeywordSearchAsync(query, 10));
    }

    [Theory]
    [InlineData("graph AND zeolite")]
    [InlineData("\"zeolite graph")]
    [InlineData("zeolite*")]
    [InlineData("-zeolite")]
    [InlineData("title:zeolite")]
    [InlineData("(zeolite OR")]
    [InlineData("NEAR(zeolite catalysis)")]
    [InlineData("zeolite NOT graph")]
    [InlineData("^zeolite {title text}: + \\ '")]
    public async Task KeywordSearchAsync_FtsSyntaxInQuery_TreatedAsPlainTerms(string query)
    {
        var hits = await _sut.KeywordSearchAsync(query, 10);

        Assert.Equal("rare", hits[0].PaperId);
    }
}
