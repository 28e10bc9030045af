using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>
/// What a retrieval reads and keeps: a deep ranking must not cost one store read per paper, and what it keeps
/// between queries (each paper's analyzed terms) must never outlive a rewrite of the paper.
/// </summary>
public class RetrieverReadTests
{
    private static readonly LocalEmbeddingGenerator Embedder = new(Options.Create(new EmbeddingsOptions()));

    private static Retriever CreateSut(FakePaperIndex index) =>
        new(index, Embedder, Options.Create(new RetrievalOptions()), NullLogger<Retriever>.Instance);

    [Fact]
    public async Task RetrieveAsync_DeepRanking_ReadsEveryRankedPapersChunksInOneRead()
    {
        var index = FakePaperIndex.Embedded(Embedder.Embed, TestPapers.All);
        var sut = CreateSut(index);

        var result = await sut.RetrieveAsync(new RetrievalRequest("language models for video and proteins", TopK: 8, Diversify: false));

        Assert.True(result.Papers.Count > 1);
        Assert.Equal([result.Papers.Count], index.ChunkReads);
    }

    [Fact]
    public async Task RetrieveAsync_RestrictTo_ReadsTheRestrictedPapersChunksOnce()
    {
        var index = FakePaperIndex.Embedded(Embedder.Embed, TestPapers.All);
        var sut = CreateSut(index);
        string[] earlier = [TestPapers.MolecularGraphs.Id, TestPapers.ScalingLaws.Id];

        var result = await sut.RetrieveAsync(new RetrievalRequest("video diffusion models", RestrictTo: earlier));

        // The restricted dense search reads both papers' chunks; scoring them afterwards reuses what it read.
        Assert.Equal(2, result.Papers.Count);
        Assert.Equal([2], index.ChunkReads);
    }

    [Fact]
    public async Task RetrieveAsync_PaperRewrittenBetweenQueries_RelevanceFromTheNewText()
    {
        var index = FakePaperIndex.Embedded(Embedder.Embed, TestPapers.All);
        var sut = CreateSut(index);
        var request = new RetrievalRequest("protein structure prediction from amino acid sequences", TopK: 8, Diversify: false);
        var before = Relevance(await sut.RetrieveAsync(request), TestPapers.ProteinStructure.Id);
        var stored = index.Documents.Single(d => d.Paper.Id == TestPapers.ProteinStructure.Id);

        await index.UpsertAsync([stored with { Paper = stored.Paper with { Title = "Untitled", Abstract = "Nothing about it." } }]);
        var after = Relevance(await sut.RetrieveAsync(request), TestPapers.ProteinStructure.Id);

        // The same chunks still rank the paper; only the title and abstract that coverage reads changed.
        var fresh = Relevance(await CreateSut(index).RetrieveAsync(request), TestPapers.ProteinStructure.Id);
        Assert.True(after < before, $"{after} < {before}");
        Assert.Equal(fresh, after);
    }

    private static double Relevance(RetrievalResult result, string paperId) => result.Papers.Single(p => p.Paper.Id == paperId).Relevance;
}
