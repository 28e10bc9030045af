using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Embeddings;
using RagPapers.Indexing;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// Schema 9 stores a chunk that is its paper's whole abstract as '' (the abstract is kept once, in papers): every read
/// gives back the abstract's text, and reads what a store holding every chunk's full text (as schema 8 wrote it) reads.
/// </summary>
public sealed class SqliteStoredChunkTextTests : IDisposable
{
    private const string SplitAbstract = "Zeolite membranes filter water. Olefins cross the membrane.";

    // Single-chunk papers and one paper cut in two, whose chunks keep their own text. The feedback corpus of
    // SqliteKeywordFeedbackTests: feedback reads the top hit's text, and lifts "related" above "offtopic" only if it reads it.
    private static readonly PaperDocument[] Papers =
    [
        Doc("hit", "Zeolite catalysis converts methanol into olefins inside acidic pores."),
        Doc("offtopic", "Zeolite minerals on museum shelves.", "b.txt"),
        Doc("related", "Acidic zeolite pores turn methanol into light olefins at moderate temperature and pressure."),
        TestPapers.Document(TestPapers.Make("split", "Split", SplitAbstract), "Zeolite membranes filter water.", "Olefins cross the membrane."),
        Doc("f1", "Rainfall forecasting with ensembles of weather models."),
        Doc("f2", "Protein structure prediction from amino acid sequences."),
        Doc("f3", "Graph neural networks for social recommendation."),
        Doc("f4", "Speech recognition with streaming transducers."),
    ];

    private static readonly KeywordFeedback Feedback = new(Documents: 1, Terms: 10, OriginalWeight: 0.5, Candidates: 50);

    private static readonly string[] Queries = ["zeolite catalysis", "olefins membrane", "speech"];

    private static readonly SearchFilter?[] Filters = [null, new(Source: "a.txt")];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UpsertAsync_SingleAndMultiChunkPapers_StoresEmptyTextOnlyForAChunkThatIsTheWholeAbstract()
    {
        var path = _temp.File("store.db");
        await (await OpenAsync(path)).DisposeAsync();

        Assert.Equal([""], TestStores.Query<string>(path, "SELECT text FROM chunks WHERE paper_id = 'hit'"));
        Assert.Equal(["Zeolite membranes filter water.", "Olefins cross the membrane."], TestStores.Query<string>(path, "SELECT text FROM chunks WHERE paper_id = 'split' ORDER BY ordinal"));
    }

    [Fact]
    public async Task UpsertAsync_EmptyChunkOfANonBlankAbstract_ThrowsAndWritesNothing()
    {
        // Stored as '', it would read back as the whole abstract.
        await using var sut = await TestStores.OpenAsync(_temp.File("store.db"));

        await Assert.ThrowsAsync<ArgumentException>(() => sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", abstractText: "Text."), "Text.", "")]));

        Assert.Equal(0, await sut.CountChunksAsync());
    }

    [Theory]
    [InlineData(SqlitePaperIndex.DefaultInMemoryKeywordChunks)]
    [InlineData(0)] // above the in-memory limit: ranked from the postings on disk, the hits' texts read per hit
    public async Task KeywordSearchAsync_WithFeedback_ReturnsTheAbstractsTextAndRanksAsAStoreOfFullTexts(int inMemoryKeywordChunks)
    {
        await using var sut = await OpenAsync(_temp.File("store.db"), inMemoryKeywordChunks);
        await using var fullTexts = await FullTextsAsync(_temp.File("full.db"), inMemoryKeywordChunks);

        var hits = await sut.KeywordSearchAsync("zeolite catalysis", 10);

        Assert.Equal(["hit", "related"], hits.Take(2).Select(h => h.PaperId)); // without feedback, "offtopic" is second
        Assert.Equal(Papers[0].Paper.Abstract, hits[0].Text);
        Assert.Equal("Zeolite membranes filter water.", hits.Single(h => h is { PaperId: "split", Ordinal: 0 }).Text);
        foreach (var (query, filter) in Queries.SelectMany(q => Filters.Select(f => (q, f))))
        {
            Assert.Equal(await fullTexts.KeywordSearchAsync(query, 10, filter), await sut.KeywordSearchAsync(query, 10, filter));
        }
    }

    [Fact]
    public async Task VectorSearchAsync_UnfilteredAndFiltered_ReturnsTheAbstractsText()
    {
        await using var sut = await OpenAsync(_temp.File("store.db"));
        await using var fullTexts = await FullTextsAsync(_temp.File("full.db"));
        var query = HashingEmbeddingGenerator.Embed("offtopic. " + Papers[1].Paper.Abstract);

        var hits = await sut.VectorSearchAsync(query, 3);
        var filtered = await sut.VectorSearchAsync(query, 3, new SearchFilter(Source: "b.txt"));

        Assert.Equal(("offtopic", Papers[1].Paper.Abstract), (hits[0].PaperId, hits[0].Text));
        Assert.Equal(("offtopic", Papers[1].Paper.Abstract), (filtered.Single().PaperId, filtered.Single().Text));
        Assert.Equal(await fullTexts.VectorSearchAsync(query, 10), await sut.VectorSearchAsync(query, 10));
    }

    [Fact]
    public async Task GetChunksAsync_SingleAndMultiChunkPapers_ReturnsTheChunksAsWritten()
    {
        await using var sut = await OpenAsync(_temp.File("store.db"));

        var chunks = await sut.GetChunksAsync(["hit", "split"]);

        Assert.Equal(Papers[0].Chunks.Select(c => c.Chunk), chunks["hit"].Select(c => c.Chunk));
        Assert.Equal(Papers[3].Chunks.Select(c => c.Chunk), chunks["split"].Select(c => c.Chunk));
        Assert.Equal(Papers[0].Chunks.Select(c => c.Chunk), (await sut.GetChunksAsync("hit")).Select(c => c.Chunk));
    }

    [Fact]
    public async Task SemanticIndexer_ChunksWaitingForVectors_EmbedsTheAbstractsText()
    {
        await using var store = await TestStores.OpenAsync(_temp.File("store.db"));
        await store.UpsertAsync([.. Papers.Select(d => d with { Chunks = [.. d.Chunks.Select(c => c with { Vector = ReadOnlyMemory<float>.Empty })] })]);
        var embedded = new List<string>();
        var options = Options.Create(new EmbeddingsOptions { BatchSize = 3 });
        await using var sut = new SemanticIndexer(store, new HashingEmbeddingGenerator((_, texts) => embedded.AddRange(texts)), options, TimeProvider.System, NullLogger<SemanticIndexer>.Instance);

        await sut.CompleteAsync();

        Assert.Equal(Papers.SelectMany(d => d.Chunks.Select(c => c.Chunk.EmbeddingText(d.Paper.Title))), embedded);
    }

    [Fact]
    public async Task UpsertAsync_ReplacingAndDeletingPapers_CountsOutTheAbstractsTerms()
    {
        var (path, fresh) = (_temp.File("store.db"), _temp.File("fresh.db"));
        var replaced = Doc("hit", "Perovskite films degrade in light.");
        await using (var sut = await OpenAsync(path, inMemoryKeywordChunks: 0))
        {
            await sut.UpsertAsync([replaced]);
            await sut.DeleteBySourceAsync("b.txt");
        }

        await using (var index = await TestStores.OpenAsync(fresh))
        {
            await index.UpsertAsync([replaced, .. Papers.Where(d => d.Paper.Id is not "hit" and not "offtopic")]);
        }

        Assert.Equal(TermCounts(fresh), TermCounts(path));
    }

    [Fact]
    public async Task OpenAsync_VersionEightStoreOfFullTexts_ReadsAsBeforeThenMixesItsRowsWithNewOnes()
    {
        var path = _temp.File("store.db");
        await (await FullTextsAsync(path)).DisposeAsync();
        TestStores.Execute(path, "UPDATE meta SET value = '8' WHERE key = 'schema_version'");

        await using var sut = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, Feedback, inMemoryKeywordChunks: 0);
        await sut.OpenAsync(TestStores.Embedder);
        await using var reference = await OpenAsync(_temp.File("reference.db"), inMemoryKeywordChunks: 0);
        Assert.Equal(await reference.KeywordSearchAsync("zeolite catalysis", 10), await sut.KeywordSearchAsync("zeolite catalysis", 10));

        var added = Doc("new", "Zeolite catalysis of olefins, measured again.");
        var rewritten = Doc("related", "Acidic zeolite pores turn methanol into olefins.");
        await sut.UpsertAsync([added, rewritten]);
        await reference.UpsertAsync([added, rewritten]);

        Assert.Equal(["", "", Papers[0].Paper.Abstract], TestStores.Query<string>(path, "SELECT text FROM chunks WHERE paper_id IN ('new', 'related', 'hit') ORDER BY paper_id DESC"));
        Assert.Equal(TermCounts(_temp.File("reference.db")), TermCounts(path));
        foreach (var (query, filter) in Queries.SelectMany(q => Filters.Select(f => (q, f))))
        {
            Assert.Equal(await reference.KeywordSearchAsync(query, 10, filter), await sut.KeywordSearchAsync(query, 10, filter));
        }

        var vector = HashingEmbeddingGenerator.Embed("hit. " + Papers[0].Paper.Abstract);
        Assert.Equal(await reference.VectorSearchAsync(vector, 10), await sut.VectorSearchAsync(vector, 10));
    }

    private static PaperDocument Doc(string id, string text, string source = "a.txt") =>
        TestPapers.Document(TestPapers.Make(id, title: id, abstractText: text, source: source));

    private static async Task<SqlitePaperIndex> OpenAsync(string path, int inMemoryKeywordChunks = SqlitePaperIndex.DefaultInMemoryKeywordChunks)
    {
        var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, Feedback, inMemoryKeywordChunks);
        await index.OpenAsync(TestStores.Embedder);
        await index.UpsertAsync(Papers);
        return index;
    }

    /// <summary>The same papers with every chunk's full text in its row, as schema 8 wrote them.</summary>
    private static async Task<SqlitePaperIndex> FullTextsAsync(string path, int inMemoryKeywordChunks = SqlitePaperIndex.DefaultInMemoryKeywordChunks)
    {
        await (await OpenAsync(path, inMemoryKeywordChunks)).DisposeAsync();
        TestStores.Execute(path, TestStores.BackBeforeVersion9Sql);
        Assert.Empty(TestStores.Query<long>(path, "SELECT id FROM chunks WHERE text = ''"));
        var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance, Feedback, inMemoryKeywordChunks);
        await index.OpenAsync(TestStores.Embedder);
        return index;
    }

    // The keyword index's term counts and totals, and the vocabulary, which a replaced or deleted chunk's text counts out of.
    private static List<string> TermCounts(string path) =>
        TestStores.Query<string>(path, """
            SELECT term || ' ' || chunks FROM fts_terms UNION ALL SELECT 'totals ' || chunks || ' ' || tokens FROM fts_totals
            UNION ALL SELECT 'word ' || word || ' ' || papers FROM vocabulary ORDER BY 1
            """);
}
