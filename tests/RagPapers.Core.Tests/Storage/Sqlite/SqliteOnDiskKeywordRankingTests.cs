using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;
using RagPapers.Testing.Storage;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// Above Store:Sqlite:InMemoryKeywordChunks keyword search ranks from the postings on disk with the term counts kept on
/// disk (FtsTermRows) instead of term statistics in memory. The two must agree: same chunks, same order, same scores,
/// with feedback, filters, rewrites and deletes; and the counts on disk must stay FTS5's own through rewrites and deletes.
/// </summary>
public sealed class SqliteOnDiskKeywordRankingTests : IDisposable
{
    private static readonly string[] Vocabulary =
    [
        "model", "models", "modelling", "learning", "graph", "graphs", "protein", "proteins", "folding", "naïve", "café",
        "Transformer", "attention", "zeolite", "catalysis", "catalytic", "speech", "retrieval", "dense", "sparse", "ranking",
        "neural", "network", "networks", "image", "images", "weather", "forecasting", "2024", "covid", "19",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("model")]
    [InlineData("models of protein folding")]
    [InlineData("the study of neural networks and graph models")]
    [InlineData("Naïve café transformers")]
    [InlineData("outcome")] // in every paper: kept as the rarest term
    [InlineData("unheardof protein")]
    public async Task KeywordSearchAsync_AboveTheInMemoryLimit_RanksAndScoresAsTheInMemoryStatistics(string query)
    {
        var path = await BuildAsync("plain.db");
        await using var inMemory = await OpenAsync(path, KeywordFeedback.Off, SqlitePaperIndex.DefaultInMemoryKeywordChunks);
        await using var sut = await OpenAsync(path, KeywordFeedback.Off, inMemoryKeywordChunks: 0);

        var expected = await inMemory.KeywordSearchAsync(query, 60);
        var actual = await sut.KeywordSearchAsync(query, 60);

        Assert.NotEmpty(actual);
        AssertSameHits(expected, actual, 1e-12);
    }

    [Theory]
    [InlineData("graph neural networks for protein models")]
    [InlineData("zeolite catalysis weather forecasting")]
    public async Task KeywordSearchAsync_WithFeedbackAboveTheInMemoryLimit_RanksAsTheInMemoryStatistics(string query)
    {
        var feedback = new KeywordFeedback(Documents: 5, Terms: 10, OriginalWeight: 0.6, Candidates: 100);
        var path = await BuildAsync("feedback.db");
        await using var inMemory = await OpenAsync(path, feedback, SqlitePaperIndex.DefaultInMemoryKeywordChunks);
        await using var sut = await OpenAsync(path, feedback, inMemoryKeywordChunks: 0);

        var expected = await inMemory.KeywordSearchAsync(query, 30);
        var actual = await sut.KeywordSearchAsync(query, 30);

        AssertSameHits(expected, actual, 1e-9, withTexts: false);
    }

    [Theory]
    [InlineData("zeolite")]
    [InlineData("models of protein folding")]
    [InlineData("rewritten perovskite")]
    public async Task KeywordSearchAsync_AfterRewritesAndDeletes_RanksLiveChunksAsTheInMemoryStatistics(string query)
    {
        // A replaced or deleted chunk's postings stay on disk: the ranking must skip them and score with live counts.
        var path = await RewriteAsync(await BuildAsync("rewritten.db"));

        await using var inMemory = await OpenAsync(path, KeywordFeedback.Off, SqlitePaperIndex.DefaultInMemoryKeywordChunks);
        await using var sut = await OpenAsync(path, KeywordFeedback.Off, inMemoryKeywordChunks: 0);

        var expected = await inMemory.KeywordSearchAsync(query, 50);
        var actual = await sut.KeywordSearchAsync(query, 50);

        Assert.NotEmpty(actual);
        Assert.DoesNotContain(actual, h => h.PaperId == "other");
        AssertSameHits(expected, actual, 1e-12);
    }

    [Theory]
    [InlineData("rewritten perovskite")]
    [InlineData("zeolite protein folding")]
    public async Task KeywordSearchAsync_WithFeedbackAfterRewritesAndDeletes_RanksAsTheInMemoryStatistics(string query)
    {
        // Feedback's candidate texts come with the liveness check: the gone chunks among the best give their places to
        // the next, and feedback must read the live ones' texts (a wrong or missing text changes the expansion).
        var feedback = new KeywordFeedback(Documents: 5, Terms: 10, OriginalWeight: 0.6, Candidates: 20);
        var path = await RewriteAsync(await BuildAsync("feedback-rewritten.db"));
        await using var inMemory = await OpenAsync(path, feedback, SqlitePaperIndex.DefaultInMemoryKeywordChunks);
        await using var sut = await OpenAsync(path, feedback, inMemoryKeywordChunks: 0);

        var expected = await inMemory.KeywordSearchAsync(query, 20);
        var actual = await sut.KeywordSearchAsync(query, 20);

        Assert.Equal(20, actual.Count);
        Assert.DoesNotContain(actual, h => h.PaperId == "other");
        AssertSameHits(expected, actual, 1e-9);
    }

    [Theory]
    [InlineData("models of protein folding", false, "source")]
    [InlineData("zeolite protein", true, "source")]
    [InlineData("outcome", false, "source")]
    [InlineData("models of protein folding", false, "2023")]
    [InlineData("outcome", true, "2023")]
    [InlineData("models of protein folding", false, "2023 or undated")]
    [InlineData("outcome", true, "2023 or undated")]
    public async Task KeywordSearchAsync_FilteredAboveTheInMemoryLimit_RanksTheAdmittedChunksAsFts5Bm25Does(string query, bool rewritten, string admitting)
    {
        // One paper in twenty is from c.txt: most of the best chunks are turned away, round after round. Three papers
        // are from 2023, fewer than one in 64 chunks: their chunks are listed and ranked directly. With the six undated
        // papers they are too many to list, and are checked in rounds again.
        var (filter, admittedSql) = Admitting(admitting);
        var path = await BuildAsync("filtered.db");
        if (rewritten)
        {
            await RewriteAsync(path);
        }

        await using var sut = await OpenAsync(path, KeywordFeedback.Off, inMemoryKeywordChunks: 0);
        await using var inMemory = await OpenAsync(path, KeywordFeedback.Off, SqlitePaperIndex.DefaultInMemoryKeywordChunks);
        using var fts5 = new Fts5Bm25Oracle(path);
        var admitted = TestStores.Query<string>(path, admittedSql).ToHashSet();

        var expected = fts5.Rank(query, 12, admitted.Contains);
        var actual = await sut.KeywordSearchAsync(query, 12, filter);
        var actualInMemory = await inMemory.KeywordSearchAsync(query, 12, filter);

        Fts5Bm25Oracle.AssertRankedAs(expected, actual);
        Fts5Bm25Oracle.AssertRankedAs(expected, actualInMemory);
    }

    [Theory]
    [InlineData("source")]
    [InlineData("2023 or undated")]
    public async Task KeywordSearchAsync_FilteredWithFeedbackAboveTheInMemoryLimit_RanksAsTheInMemoryStatistics(string admitting)
    {
        // Feedback reads the texts the filter's check read: those of the chunks kept, and no other.
        var feedback = new KeywordFeedback(Documents: 3, Terms: 10, OriginalWeight: 0.6, Candidates: 12);
        var (filter, _) = Admitting(admitting);
        var path = await RewriteAsync(await BuildAsync("filtered-feedback.db"));
        await using var inMemory = await OpenAsync(path, feedback, SqlitePaperIndex.DefaultInMemoryKeywordChunks);
        await using var sut = await OpenAsync(path, feedback, inMemoryKeywordChunks: 0);

        var expected = await inMemory.KeywordSearchAsync("protein folding models", 8, filter);
        var actual = await sut.KeywordSearchAsync("protein folding models", 8, filter);

        Assert.NotEmpty(actual);
        AssertSameHits(expected, actual, 1e-9);
    }

    [Fact]
    public async Task KeywordSearchAsync_ReplacedPaperAboveTheInMemoryLimit_FindsOnlyItsNewText()
    {
        var path = _temp.File("replaced.db");
        await using var sut = await OpenAsync(path, KeywordFeedback.Off, inMemoryKeywordChunks: 0);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", "Zeolite catalysts", "Zeolite pores trap molecules."))]);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", "Perovskite cells", "Perovskite films degrade in light."))]);

        Assert.Empty(await sut.KeywordSearchAsync("zeolite", 5));
        Assert.Equal("Perovskite films degrade in light.", Assert.Single(await sut.KeywordSearchAsync("perovskite light", 5)).Text);
    }

    [Fact]
    public async Task UpsertAsync_SamePaperTwiceInOneBatch_TermCountsAreTheLastVersionsOnly()
    {
        // What a batch adds is counted apart from the write (AddedTextCounter), what it replaces inside it: a paper
        // written twice in one batch is added twice and removed once, which must leave FTS5's own counts.
        var path = _temp.File("twice.db");
        await using var sut = await OpenAsync(path, KeywordFeedback.Off, inMemoryKeywordChunks: 0);

        await sut.UpsertAsync([
            TestPapers.Document(TestPapers.Make("p1", "Zeolite catalysts", "Zeolite pores trap molecules.")),
            TestPapers.Document(TestPapers.Make("p1", "Perovskite cells", "Perovskite films degrade in light.")),
        ]);

        Assert.Equal(Query(path, "SELECT term, doc FROM fts_row ORDER BY term"), Query(path, "SELECT term, chunks FROM fts_terms ORDER BY term"));
        Assert.Equal(Query(path, "SELECT (SELECT count(*) FROM chunks), (SELECT sum(cnt) FROM fts_row)"), Query(path, "SELECT chunks, tokens FROM fts_totals"));
        Assert.Equal(["perovskite|1"], Query(path, "SELECT word, papers FROM vocabulary WHERE word IN ('perovskite', 'zeolite')"));
    }

    [Fact]
    public async Task UpsertAsync_RewritesAndDeletes_KeepTheTermCountsOnDiskEqualToFts5sOwn()
    {
        var path = _temp.File("counts.db");
        await using var sut = await OpenAsync(path, KeywordFeedback.Off, inMemoryKeywordChunks: 0);
        await sut.UpsertAsync(Corpus());
        await sut.UpsertAsync([.. Enumerable.Range(0, 40).Select(i => TestPapers.Document(TestPapers.Make($"p{i:D3}", "Rewritten zeolite", "Protein folding, rewritten " + i)))]);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("other", "Perovskite cells", "Perovskite films degrade.", source: "b.txt"))]);
        await sut.DeleteBySourceAsync("b.txt");

        Assert.Equal(Query(path, "SELECT term, doc FROM fts_row ORDER BY term"), Query(path, "SELECT term, chunks FROM fts_terms ORDER BY term"));
        Assert.Equal(
            Query(path, "SELECT (SELECT count(*) FROM chunks), (SELECT sum(cnt) FROM fts_row)"),
            Query(path, "SELECT chunks, tokens FROM fts_totals"));
        Assert.Empty(await sut.KeywordSearchAsync("perovskite", 5));
    }

    // The same chunks in the same order (with their texts, unless told not to), and the same scores to within the tolerance.
    private static void AssertSameHits(IReadOnlyList<ChunkHit> expected, IReadOnlyList<ChunkHit> actual, double tolerance, bool withTexts = true)
    {
        Assert.Equal(expected.Select(h => (h.PaperId, h.Ordinal, withTexts ? h.Text : null)), actual.Select(h => (h.PaperId, h.Ordinal, withTexts ? h.Text : null)));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, tolerance));
    }

    // The filters of the filtered tests, with the SQL that lists the papers each admits.
    private static (SearchFilter Filter, string AdmittedSql) Admitting(string admitting) => admitting switch
    {
        "source" => (new SearchFilter(Source: "c.txt"), "SELECT id FROM papers WHERE source = 'c.txt'"),
        "2023" => (new SearchFilter(To: new DateOnly(2023, 12, 31)), "SELECT id FROM papers WHERE published < '2024-01-01'"),
        _ => (new SearchFilter(To: new DateOnly(2023, 12, 31), IncludeUndated: true), "SELECT id FROM papers WHERE published < '2024-01-01' OR published IS NULL"),
    };

    private async Task<string> BuildAsync(string name)
    {
        var path = _temp.File(name);
        await using var index = await OpenAsync(path, KeywordFeedback.Off, 0);
        await index.UpsertAsync(Corpus());
        return path;
    }

    // Rewrites p000–p039 and adds then deletes "other": their earlier chunks' postings stay on disk.
    private static async Task<string> RewriteAsync(string path)
    {
        await using var writer = await OpenAsync(path, KeywordFeedback.Off, inMemoryKeywordChunks: 0);
        await writer.UpsertAsync([.. Enumerable.Range(0, 40).Select(i => TestPapers.Document(TestPapers.Make($"p{i:D3}", "Rewritten zeolite", "Protein folding, rewritten " + i)))]);
        await writer.UpsertAsync([TestPapers.Document(TestPapers.Make("other", "Perovskite zeolite", "Perovskite films degrade.", source: "b.txt"))]);
        await writer.DeleteBySourceAsync("b.txt");
        return path;
    }

    private static async Task<SqlitePaperIndex> OpenAsync(string path, KeywordFeedback feedback, int inMemoryKeywordChunks)
    {
        var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, feedback, inMemoryKeywordChunks);
        await index.OpenAsync(TestStores.Embedder);
        return index;
    }

    // Rows as "a|b" strings, read through FTS5's vocabulary of the store's rows (fts_row, Fts5Reference) or our tables.
    private static List<string> Query(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = Fts5Reference.CreateSql;
            create.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetValue(0)}|{reader.GetValue(1)}");
        }

        return rows;
    }

    // 300 papers of random words (fixed seed), every tenth with a second chunk, every twentieth from c.txt, three from
    // 2023, six undated and the rest from 2024; all say "outcome".
    internal static IReadOnlyList<PaperDocument> Corpus()
    {
        var random = new Random(20261207);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        return
        [
            .. Enumerable.Range(0, 300).Select(i =>
            {
                DateOnly? published = i % 100 == 3 ? new DateOnly(2023, 6, 1) : i % 50 == 11 ? null : new DateOnly(2024, 1, 1);
                var paper = TestPapers.Make($"p{i:D3}", Words(random.Next(2, 7)), "An outcome of " + Words(random.Next(5, 60)) + ".", published, i % 20 == 7 ? "c.txt" : "a.txt");
                return i % 10 == 0 ? TestPapers.Document(paper, paper.Abstract, "Another outcome: " + Words(random.Next(3, 30)) + ".") : TestPapers.Document(paper);
            }),
        ];
    }
}
