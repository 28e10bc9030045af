using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Ingestion;
using RagPapers.Embeddings;
using RagPapers.Indexing;
using RagPapers.Retrieval;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>Retrieval on a real SQLite store whose semantic index is incomplete (keyword alone, with a notice), then complete (hybrid).</summary>
public sealed class RetrieverKeywordOnlyTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly HashingEmbeddingGenerator _embedder = new();
    private SqlitePaperIndex _index = null!;

    public async Task InitializeAsync()
    {
        _index = await TestStores.OpenAsync(_temp.File("store.db"));
        await IngestFixtures.CreateIngestor(_index).IngestAsync(Fakes.TestPapers.Stream(IngestFixtures.Read(TestPapers.All)));
    }

    public async Task DisposeAsync()
    {
        await _index.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task RetrieveAsync_VectorsNotComputed_KeywordResultsWithCoverageAsRelevanceAndTheNotice()
    {
        var sut = CreateSut();

        var result = await sut.RetrieveAsync(new RetrievalRequest("video diffusion models"));

        Assert.Equal($"semantic index 0/{TestPapers.All.Length}: keyword results only for now", result.Notice);
        Assert.Equal([TestPapers.VideoDiffusion.Id, TestPapers.ImagenVideo.Id], result.Papers.Take(2).Select(p => p.Paper.Id).Order());
        Assert.Equal(1.0, result.Papers[0].Relevance); // every term of the question is in the paper
        Assert.True(result.HasRelevantEvidence);
        Assert.Equal(0, _embedder.Calls); // the question is not embedded while the indexer may keep the embedder busy
    }

    [Fact]
    public async Task RetrieveAsync_QuestionCoveringTooLittle_NoRelevantEvidenceByTheKeywordOnlyThreshold()
    {
        var sut = CreateSut(keywordOnlyMinRelevance: 0.6);

        var result = await sut.RetrieveAsync(new RetrievalRequest("best sourdough bread recipe for models"));

        Assert.NotNull(result.Notice);
        Assert.False(result.HasRelevantEvidence);
    }

    [Fact]
    public async Task RetrieveAsync_AfterTheIndexerCompletes_HybridWithoutNotice()
    {
        var sut = CreateSut();
        await using var indexer = new SemanticIndexer(_index, _embedder, Options.Create(new EmbeddingsOptions { BatchSize = 3 }), TimeProvider.System, NullLogger<SemanticIndexer>.Instance);
        await indexer.CompleteAsync();
        var callsBefore = _embedder.Calls;

        var result = await sut.RetrieveAsync(new RetrievalRequest("video diffusion models"));

        Assert.Null(result.Notice);
        Assert.Equal(callsBefore + 1, _embedder.Calls); // the question's own embedding
        Assert.Contains(result.Papers.Take(2), p => p.Paper.Id == TestPapers.VideoDiffusion.Id);
    }

    [Fact]
    public async Task RetrieveAsync_FollowUpRestrictedToPapersWithoutTheWords_StillRanksThemByCoverage()
    {
        var sut = CreateSut();
        string[] earlier = [TestPapers.MolecularGraphs.Id, TestPapers.ScalingLaws.Id];

        var result = await sut.RetrieveAsync(new RetrievalRequest("which of those predicts molecular solubility", RestrictTo: earlier));

        Assert.Equal([TestPapers.MolecularGraphs.Id, TestPapers.ScalingLaws.Id], result.Papers.Select(p => p.Paper.Id));
        Assert.NotNull(result.Notice);
    }

    [Fact]
    public async Task SimilarAsync_VectorsNotComputed_FindsPapersByTheTitle()
    {
        var sut = CreateSut();

        var similar = await sut.SimilarAsync(TestPapers.VideoDiffusion.Id, 3);

        Assert.Equal(TestPapers.ImagenVideo.Id, similar[0].Paper.Id);
        Assert.DoesNotContain(similar, p => p.Paper.Id == TestPapers.VideoDiffusion.Id);
    }

    private Retriever CreateSut(double keywordOnlyMinRelevance = 0.5) =>
        new(_index, _embedder, Options.Create(new RetrievalOptions { KeywordOnlyMinRelevance = keywordOnlyMinRelevance }), NullLogger<Retriever>.Instance);
}
