using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Hosting;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>How many store reads a retrieval makes: a deep ranking must not cost one read per paper.</summary>
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
}
