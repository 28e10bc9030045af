using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// Keyword search on a small store ranks from the in-memory term statistics, read from the store's postings: it must
/// rank and score as FTS5's own bm25() does over the same chunks (<see cref="Fts5Bm25Oracle"/>), with a filter too,
/// which admits chunks without changing the collection's statistics.
/// </summary>
public sealed class SqliteInMemoryKeywordRankingTests : IDisposable
{
    private static readonly SearchFilter AdmitsAll = new(From: new DateOnly(2000, 1, 1));
    private static readonly DateOnly First = new(2024, 1, 1);

    // Inflections porter folds together, diacritics unicode61 strips, capitals, a word in nearly every paper.
    private static readonly string[] Vocabulary =
    [
        "model", "models", "modelling", "learning", "learned", "graph", "graphs", "protein", "proteins", "folding",
        "naïve", "naive", "café", "Transformer", "transformers", "attention", "zeolite", "catalysis", "catalytic",
        "speech", "recognition", "retrieval", "retrieve", "dense", "sparse", "ranking", "ranked", "neural", "network",
        "networks", "segmentation", "image", "images", "weather", "forecasting", "forecast", "2024", "covid", "19",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("model")]
    [InlineData("models of protein folding")]
    [InlineData("the study of neural networks and graph models")] // stop words; "model" and "models" both scored
    [InlineData("Naïve café transformers")]
    [InlineData("outcome")] // in every paper: kept as the rarest term
    [InlineData("unheardof protein")] // one term no paper has
    [InlineData("covid 19 forecasting weather images segmentation retrieval ranking dense sparse")]
    public async Task KeywordSearchAsync_Unfiltered_RanksAndScoresAsFts5Bm25Does(string query)
    {
        await using var index = await OpenAsync(KeywordFeedback.Off);
        using var fts5 = new Fts5Bm25Oracle(StorePath);

        var actual = await index.KeywordSearchAsync(query, 60);
        var admittingAll = await index.KeywordSearchAsync(query, 60, AdmitsAll);

        Fts5Bm25Oracle.AssertRankedAs(fts5.Rank(query, 60), actual);
        Fts5Bm25Oracle.AssertRankedAs(fts5.Rank(query, 60), admittingAll);
    }

    [Theory]
    [InlineData("models of protein folding")]
    [InlineData("Naïve café transformers")]
    [InlineData("outcome")]
    public async Task KeywordSearchAsync_Filtered_RanksTheAdmittedChunksAsFts5Bm25DoesOverTheCollection(string query)
    {
        // Papers are dated First plus their number mod 30 days: the filter admits a fifth of them.
        var filter = new SearchFilter(From: First.AddDays(10), To: First.AddDays(15));
        await using var index = await OpenAsync(KeywordFeedback.Off);
        using var fts5 = new Fts5Bm25Oracle(StorePath);

        var actual = await index.KeywordSearchAsync(query, 40, filter);

        Fts5Bm25Oracle.AssertRankedAs(fts5.Rank(query, 40, id => filter.AdmitsDate(Published(id))), actual);
    }

    [Fact]
    public async Task KeywordSearchAsync_WithFeedback_SameRankingWithOrWithoutAnAdmitAllFilter()
    {
        await using var index = await OpenAsync(new KeywordFeedback(Documents: 5, Terms: 10, OriginalWeight: 0.6, Candidates: 100));

        var inMemory = await index.KeywordSearchAsync("graph neural networks for protein models", 30);
        var admittingAll = await index.KeywordSearchAsync("graph neural networks for protein models", 30, AdmitsAll);

        Assert.Equal(admittingAll.Select(h => (h.PaperId, h.Ordinal)), inMemory.Select(h => (h.PaperId, h.Ordinal)));
    }

    [Fact]
    public async Task KeywordSearchAsync_AfterAWrite_RanksTheNewChunksToo()
    {
        await using var index = await OpenAsync(KeywordFeedback.Off);
        Assert.Empty(await index.KeywordSearchAsync("perovskite", 10));

        await index.UpsertAsync([TestPapers.Document(TestPapers.Make("new", "Perovskite cells", "Perovskite solar cells degrade in humid air.", new DateOnly(2024, 5, 1)))]);

        Assert.Equal(["new"], (await index.KeywordSearchAsync("perovskite", 10)).Select(h => h.PaperId));
    }

    [Fact]
    public async Task KeywordSearchAsync_AfterPapersAreRewritten_ScoresAsAFreshStoreOfTheSameContent()
    {
        // A rewritten paper's old postings stay on disk: the statistics count the live chunks only, so a rewritten
        // store must score exactly like one built with the final content.
        await using var rewritten = await OpenAsync(KeywordFeedback.Off);
        await rewritten.KeywordSearchAsync("protein", 10);
        await rewritten.UpsertAsync(Rewrites());
        await using var fresh = new SqlitePaperIndex(_temp.File("fresh.db"), NullLogger<SqlitePaperIndex>.Instance, KeywordFeedback.Off);
        await fresh.OpenAsync(TestStores.Embedder);
        await fresh.UpsertAsync([.. Corpus().Where(d => string.CompareOrdinal(d.Paper.Id, "p100") >= 0), .. Rewrites()]);

        foreach (var query in new[] { "protein folding models", "zeolite", "graph neural networks", "naive speech" })
        {
            // Deep enough for every match, so ties cut at different rowids cannot differ.
            var expected = (await fresh.KeywordSearchAsync(query, 1_000)).ToDictionary(h => (h.PaperId, h.Ordinal), h => h.Score);
            var actual = (await rewritten.KeywordSearchAsync(query, 1_000)).ToDictionary(h => (h.PaperId, h.Ordinal), h => h.Score);

            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key], 1e-12));
        }
    }

    private static PaperDocument[] Rewrites() =>
    [
        .. Enumerable.Range(0, 100).Select(i => TestPapers.Document(
            TestPapers.Make($"p{i:D3}", "Rewritten", "Zeolite catalysis with protein folding models, rewritten " + i, new DateOnly(2024, 1, 1)))),
    ];

    private string StorePath => _temp.File("ranking.db");

    private static DateOnly Published(string paperId) => First.AddDays(int.Parse(paperId[1..], System.Globalization.CultureInfo.InvariantCulture) % 30);

    private async Task<SqlitePaperIndex> OpenAsync(KeywordFeedback feedback)
    {
        var index = new SqlitePaperIndex(StorePath, NullLogger<SqlitePaperIndex>.Instance, feedback);
        await index.OpenAsync(TestStores.Embedder);
        await index.UpsertAsync(Corpus());
        return index;
    }

    // 300 papers of random words from the vocabulary (fixed seed), every tenth with a second chunk; all say "outcome".
    private static IReadOnlyList<PaperDocument> Corpus()
    {
        var random = new Random(20261126);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        return
        [
            .. Enumerable.Range(0, 300).Select(i =>
            {
                var paper = TestPapers.Make($"p{i:D3}", Words(random.Next(2, 7)), "An outcome of " + Words(random.Next(5, 60)) + ".", Published($"p{i:D3}"));
                return i % 10 == 0
                    ? TestPapers.Document(paper, paper.Abstract, "Another outcome: " + Words(random.Next(3, 30)) + ".")
                    : TestPapers.Document(paper);
            }),
        ];
    }
}
