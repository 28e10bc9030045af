using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Contract;

public abstract partial class PaperIndexContract
{
    private static readonly PaperDocument[] Graphs =
    [
        TestPapers.Document(TestPapers.Make("common1", "Graph learning", "Graph models learn node features from graph structure.", new DateOnly(2023, 5, 1), "a.txt")),
        TestPapers.Document(TestPapers.Make("rare", "Catalysis", "Graph models of zeolite catalysis predict reaction rates.", new DateOnly(2024, 5, 1), "a.txt")),
        TestPapers.Document(TestPapers.Make("common2", "Message passing", "Message passing over graph edges aggregates features.", new DateOnly(2024, 8, 1), "b.txt")),
        TestPapers.Document(TestPapers.Make("undated", "Graph theory", "Graph colouring bounds for sparse structure.", null, "b.txt")),
        TestPapers.Document(TestPapers.Make("protein", "Protein folding", "Protein structure prediction from sequences.", new DateOnly(2022, 1, 1), "c.txt")),
        TestPapers.Document(TestPapers.Make("weather", "Weather", "Forecasting rainfall with ensembles.", new DateOnly(2022, 2, 1), "c.txt")),
    ];

    private static readonly PaperDocument[] Media =
    [
        TestPapers.Document(TestPapers.Make("vision", "Vision", "Convolutional image classification", new DateOnly(2023, 5, 1), "a.txt")),
        TestPapers.Document(TestPapers.Make("speech", "Speech", "Acoustic speech recognition", new DateOnly(2024, 5, 1), "a.txt")),
        TestPapers.Document(TestPapers.Make("text", "Language", "Transformer language modelling", new DateOnly(2024, 8, 1), "b.txt")),
        TestPapers.Document(TestPapers.Make("undated", "Image speech", "Image and speech fusion", null, "b.txt")),
    ];

    [ContractFact]
    public async Task KeywordSearchAsync_RareAndCommonTerm_RanksRarePaperFirst()
    {
        await using var sut = await OpenWithAsync(Graphs);

        var hits = await sut.KeywordSearchAsync("features zeolite", 10);

        // "zeolite" is in one chunk of six, "features" in two: the rarer term weighs more.
        Assert.Equal("rare", hits[0].PaperId);
        Assert.Equal(["common1", "common2", "rare"], hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.True(h.Score > 0));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.Equal("Graph models of zeolite catalysis predict reaction rates.", hits[0].Text);
        Assert.Equal(0, hits[0].Ordinal);
    }

    [ContractFact]
    public async Task KeywordSearchAsync_TermInTitleAndInText_TitleMatchRanksFirst()
    {
        await using var sut = await OpenWithAsync(
        [
            TestPapers.Document(TestPapers.Make("in-text", "Spectral bounds", "A study of sparsifier spectral bounds for edges.")),
            TestPapers.Document(TestPapers.Make("in-title", "Graph sparsifier", "A study of spectral bounds for weighted edges.")),
        ]);

        var hits = await sut.KeywordSearchAsync("sparsifier", 10);

        Assert.Equal(["in-title", "in-text"], hits.Select(h => h.PaperId));
    }

    [ContractFact]
    public async Task KeywordSearchAsync_Top_LimitsHits()
    {
        await using var sut = await OpenWithAsync(Graphs);

        Assert.Equal(2, (await sut.KeywordSearchAsync("graph", 2)).Count);
    }

    [ContractFact]
    public async Task KeywordSearchAsync_DateRangeAndSource_KeepOnlyMatchingPapers()
    {
        await using var sut = await OpenWithAsync(Graphs);

        var inRange = await sut.KeywordSearchAsync("graph", 10, new SearchFilter(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 6, 30)));
        var upperBoundOnly = await sut.KeywordSearchAsync("graph", 10, new SearchFilter(To: new DateOnly(2030, 1, 1)));
        var bySource = await sut.KeywordSearchAsync("graph", 10, new SearchFilter(Source: "b.txt"));

        Assert.Equal(["rare"], inRange.Select(h => h.PaperId));
        Assert.Equal(["common1", "common2", "rare"], upperBoundOnly.Select(h => h.PaperId).Order(StringComparer.Ordinal)); // undated dropped
        Assert.Equal(["common2", "undated"], bySource.Select(h => h.PaperId).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Search_DateRangeIncludingUndated_KeepsUndatedPapersToo()
    {
        await using var sut = await OpenWithAsync(Graphs);
        var filter = new SearchFilter(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 6, 30), IncludeUndated: true);

        var keyword = await sut.KeywordSearchAsync("graph", 10, filter);
        var dense = await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("graph structure"), 10, filter);

        Assert.Equal(["rare", "undated"], keyword.Select(h => h.PaperId).Order(StringComparer.Ordinal));
        Assert.Equal(["rare", "undated"], dense.Select(h => h.PaperId).Distinct().Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task CountExcludedAsync_DateRange_CountsTheUndatedPapersOfTheFilteredSource()
    {
        await using var sut = await OpenWithAsync(Graphs);
        var range = new SearchFilter(From: new DateOnly(2024, 1, 1));

        Assert.Equal(1, await UndatedPapers.CountExcludedAsync(sut, range));
        Assert.Equal(1, await UndatedPapers.CountExcludedAsync(sut, range with { Source = "b.txt" }));
        Assert.Equal(0, await UndatedPapers.CountExcludedAsync(sut, range with { Source = "a.txt" }));
        Assert.Equal(0, await UndatedPapers.CountExcludedAsync(sut, range with { IncludeUndated = true }));
    }

    [ContractFact]
    public async Task KeywordSearchAsync_NoSearchableTermOrQuerySyntax_EmptyOrPlainTerms()
    {
        await using var sut = await OpenWithAsync(Graphs);

        foreach (var query in new[] { "", "   ", "the of and what is", "*** --- ::: ()" })
        {
            Assert.Empty(await sut.KeywordSearchAsync(query, 10));
        }

        foreach (var query in new[] { "zeolite*", "-zeolite", "title:zeolite", "(zeolite OR", "NEAR(zeolite catalysis)", "\"zeolite graph" })
        {
            Assert.Equal("rare", (await sut.KeywordSearchAsync(query, 10))[0].PaperId);
        }
    }

    [ContractFact]
    public async Task VectorSearchAsync_QueryOfStoredText_RanksThatChunkFirstWithCosineOne()
    {
        await using var sut = await OpenWithAsync(Media);

        var hits = await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("Speech. Acoustic speech recognition"), 10);
        var scaled = await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("Speech. Acoustic speech recognition").Select(v => v * 3).ToArray(), 1);

        Assert.Equal("speech", hits[0].PaperId);
        Assert.Equal(1.0, hits[0].Score, 4);
        Assert.Equal("Acoustic speech recognition", hits[0].Text);
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.Equal(1.0, Assert.Single(scaled).Score, 4);
    }

    [ContractFact]
    public async Task VectorSearchAsync_Top_KeepsBestK()
    {
        await using var sut = await OpenWithAsync(Media);
        var query = HashingEmbeddingGenerator.Embed("image speech");

        var all = await sut.VectorSearchAsync(query, 10);
        var two = await sut.VectorSearchAsync(query, 2);

        Assert.Equal(4, all.Count);
        Assert.Equal(all.Take(2).Select(h => (h.PaperId, h.Ordinal)), two.Select(h => (h.PaperId, h.Ordinal)));
        Assert.Empty(await sut.VectorSearchAsync(query, 0));
    }

    [ContractFact]
    public async Task VectorSearchAsync_DateRangeAndSource_KeepOnlyMatchingPapers()
    {
        await using var sut = await OpenWithAsync(Media);
        var query = HashingEmbeddingGenerator.Embed("image speech");

        var inRange = await sut.VectorSearchAsync(query, 10, new SearchFilter(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 6, 30)));
        var upperBoundOnly = await sut.VectorSearchAsync(query, 10, new SearchFilter(To: new DateOnly(2030, 1, 1)));
        var bySource = await sut.VectorSearchAsync(query, 10, new SearchFilter(Source: "b.txt"));

        Assert.Equal(["speech"], inRange.Select(h => h.PaperId));
        Assert.Equal(["speech", "text", "vision"], upperBoundOnly.Select(h => h.PaperId).Order(StringComparer.Ordinal));
        Assert.Equal(["text", "undated"], bySource.Select(h => h.PaperId).Order(StringComparer.Ordinal));
        Assert.Empty(await sut.VectorSearchAsync(query, 10, new SearchFilter(Source: "nowhere.txt")));
    }

    [ContractFact]
    public async Task VectorSearchAsync_WrongDimensions_ThrowsArgument()
    {
        await using var sut = await OpenWithAsync(Media);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.VectorSearchAsync(new float[3], 5));
    }

    private async Task<IPaperIndex> OpenWithAsync(IReadOnlyList<PaperDocument> documents)
    {
        var index = await OpenAsync();
        await index.UpsertAsync(documents);
        return index;
    }
}
