using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

public sealed class SqliteKeywordFeedbackTests : IDisposable
{
    // One clear hit for "zeolite catalysis"; two papers that only say "zeolite", the shorter (so, for plain BM25,
    // better) one off-topic, the longer one sharing the clear hit's vocabulary; and fillers, so that no
    // expansion term sits in half the chunks.
    private static readonly PaperDocument[] Papers =
    [
        Doc("hit", "Zeolite catalysis converts methanol into olefins inside acidic pores."),
        Doc("offtopic", "Zeolite minerals on museum shelves."),
        Doc("related", "Acidic zeolite pores turn methanol into light olefins at moderate temperature and pressure."),
        Doc("f1", "Rainfall forecasting with ensembles of weather models."),
        Doc("f2", "Protein structure prediction from amino acid sequences."),
        Doc("f3", "Graph neural networks for social recommendation."),
        Doc("f4", "Speech recognition with streaming transducers."),
        Doc("f5", "Image segmentation of satellite photographs."),
    ];

    private static readonly KeywordFeedback Feedback = new(Documents: 1, Terms: 10, OriginalWeight: 0.5, Candidates: 50);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task KeywordSearchAsync_WithoutFeedback_RanksTheShorterSingleTermMatchFirst()
    {
        await using var plain = await OpenAsync("plain.db", KeywordFeedback.Off);

        var ids = (await plain.KeywordSearchAsync("zeolite catalysis", 10)).Select(h => h.PaperId).ToArray();

        Assert.Equal(["hit", "offtopic", "related"], ids);
    }

    [Fact]
    public async Task KeywordSearchAsync_WithFeedback_LiftsThePaperSharingTheTopHitsVocabulary()
    {
        await using var sut = await OpenAsync("feedback.db", Feedback);

        var hits = await sut.KeywordSearchAsync("zeolite catalysis", 10);

        Assert.Equal(["hit", "related", "offtopic"], hits.Select(h => h.PaperId));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    [Fact]
    public async Task KeywordSearchAsync_WithFeedback_ReturnsNoMoreThanAskedFromTheWiderFirstPass()
    {
        await using var sut = await OpenAsync("top.db", Feedback);

        var hits = await sut.KeywordSearchAsync("zeolite catalysis", 2);

        Assert.Equal(["hit", "related"], hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task KeywordSearchAsync_WithFeedback_UsesTermStatisticsOfTheLatestWrite()
    {
        await using var sut = await OpenAsync("fresh.db", Feedback);
        await sut.UpsertAsync([Doc("related", "Zeolite collections in geology departments of old universities.")]);
        Assert.Equal("offtopic", (await sut.KeywordSearchAsync("zeolite catalysis", 10))[1].PaperId); // statistics loaded

        // Rewritten with the shared vocabulary, the paper gets a new chunk: statistics kept from before would not
        // know it and could not lift it.
        await sut.UpsertAsync([Papers.Single(p => p.Paper.Id == "related")]);
        var ids = (await sut.KeywordSearchAsync("zeolite catalysis", 10)).Select(h => h.PaperId).ToArray();

        Assert.Equal(["hit", "related", "offtopic"], ids);
    }

    [Fact]
    public async Task LoadAsync_ReadsPorterStemsCountsAndLengthsFromThePostings()
    {
        var path = _temp.File("stats.db");
        await (await OpenAsync("stats.db", KeywordFeedback.Off)).DisposeAsync();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        using var commands = new CommandCache(connection);

        var statistics = await KeywordPostingStatistics.LoadAsync(commands, rows: Papers.Length, CancellationToken.None);

        Assert.Equal(Papers.Length, statistics.ChunkCount);
        var zeolite = statistics.Id("zeolit"); // porter's stem, not the word
        Assert.True(zeolite >= 0);
        Assert.Equal(-1, statistics.Id("zeolite"));
        Assert.Equal(3, statistics.DocumentFrequency(zeolite));
        Assert.True(statistics.TryGetChunk(1, out var hit)); // rowid 1: the first paper's only chunk
        Assert.Equal((1, 1), hit.Counts(zeolite)); // once in the title (the paper's id here), once in the text
        Assert.Equal((0, 0), hit.Counts(statistics.Id("protein")));
        Assert.True(statistics.AverageLength > 0);
    }

    private async Task<SqlitePaperIndex> OpenAsync(string file, KeywordFeedback feedback)
    {
        var index = new SqlitePaperIndex(_temp.File(file), NullLogger<SqlitePaperIndex>.Instance, feedback);
        await index.OpenAsync(TestStores.Embedder);
        await index.UpsertAsync(Papers);
        return index;
    }

    private static PaperDocument Doc(string id, string text) =>
        TestPapers.Document(TestPapers.Make(id, title: id == "hit" ? "Zeolite" : id, abstractText: text));
}
