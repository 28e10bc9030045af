using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Embeddings;
using RagPapers.Embeddings;
using RagPapers.Papers;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Retrieval;

public class RetrieverTests
{
    private static readonly LocalEmbeddingGenerator Embedder = new(Options.Create(new EmbeddingsOptions()));

    private static Retriever CreateSut(IPaperIndex index, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, Action<RetrievalOptions>? configure = null)
    {
        var options = new RetrievalOptions();
        configure?.Invoke(options);
        return new Retriever(index, embedder ?? Embedder, Options.Create(options), NullLogger<Retriever>.Instance);
    }

    private static FakePaperIndex Collection() => FakePaperIndex.Embedded(Embedder.Embed, TestPapers.All);

    private static ChunkHit Hit(Paper paper, double score = 1) => new(paper.Id, 0, paper.Abstract, score);

    [Fact]
    public async Task RetrieveAsync_TopicQuery_MatchingPapersFirstWithVerbatimPassages()
    {
        var sut = CreateSut(Collection());

        var result = await sut.RetrieveAsync(new RetrievalRequest("video generation with diffusion models"));

        Assert.True(result.HasRelevantEvidence);
        Assert.Equal(
            new[] { TestPapers.VideoDiffusion.Id, TestPapers.ImagenVideo.Id }.Order(),
            result.Papers.Take(2).Select(p => p.Paper.Id).Order());
        Assert.All(result.Papers, p => Assert.All(p.Passages, s => Assert.Contains(s.Text, p.Paper.Abstract, StringComparison.Ordinal)));
        Assert.InRange(result.Papers[0].Relevance, 0.5, 1.0);
    }

    [Fact]
    public async Task RetrieveAsync_ChunkInBothLists_FusedAboveHitsOfOneList()
    {
        // k = 10, keyword weight 0.8: scaling = 0.8/12 + 0.2/12 = 0.083333 (rank 2 in both);
        // graphs = 0.8/11 = 0.072727 (keyword rank 1); decoding = 0.2/11 = 0.018182 (dense rank 1).
        var index = new FakePaperIndex(Collection().Documents)
        {
            Keyword = (_, _, _) => [Hit(TestPapers.MolecularGraphs), Hit(TestPapers.ScalingLaws)],
            Vector = (_, _, _) => [Hit(TestPapers.SpeculativeDecoding), Hit(TestPapers.ScalingLaws)],
        };
        var sut = CreateSut(index, configure: o => (o.MmrLambda, o.KeywordWeight) = (1, 0.8));

        var result = await sut.RetrieveAsync(new RetrievalRequest("scaling of neural networks"));

        Assert.Equal(
            [TestPapers.ScalingLaws.Id, TestPapers.MolecularGraphs.Id, TestPapers.SpeculativeDecoding.Id],
            result.Papers.Select(p => p.Paper.Id));
        Assert.Equal([0.083333, 0.072727, 0.018182], result.Papers.Select(p => Math.Round(p.Score, 6)));
    }

    [Fact]
    public async Task RetrieveAsync_NearDuplicates_MmrPromotesDistinctPaper()
    {
        // Fused (k = 10, both lists alike): twin1 = 1/11 = 0.0909, twin2 = 1/12 = 0.0833, other = 1/13 = 0.0769,
        // normalized [1, 0.455, 0]. λ = 0.5 after twin1: twin2 = 0.5 × 0.455 − 0.5 × 1 (same vector) = −0.27;
        // other = 0 − 0.5 × 0 (orthogonal) = 0 → other. With λ = 1 the twins stay together.
        var twin1 = Document("twin1", [1, 0]);
        var twin2 = Document("twin2", [1, 0]);
        var other = Document("other", [0, 1]);
        IReadOnlyList<ChunkHit> Ranking() => [.. new[] { twin1, twin2, other }.Select(d => Hit(d.Paper))];
        var index = new FakePaperIndex([twin1, twin2, other]) { Keyword = (_, _, _) => Ranking(), Vector = (_, _, _) => Ranking() };
        using var embedder = new TestEmbeddingGenerator(_ => [1, 0]);

        var diverse = await CreateSut(index, embedder, o => o.MmrLambda = 0.5).RetrieveAsync(new RetrievalRequest("twin", TopK: 2));
        var greedy = await CreateSut(index, embedder, o => o.MmrLambda = 1).RetrieveAsync(new RetrievalRequest("twin", TopK: 2));

        Assert.Equal(["twin1", "other"], diverse.Papers.Select(p => p.Paper.Id));
        Assert.Equal(["twin1", "twin2"], greedy.Papers.Select(p => p.Paper.Id));
    }

    [Fact]
    public async Task RetrieveAsync_RestrictTo_OnlyThosePapersEvenWithoutMatchingChunks()
    {
        var sut = CreateSut(Collection());
        string[] earlier = [TestPapers.MolecularGraphs.Id, TestPapers.ScalingLaws.Id];

        var result = await sut.RetrieveAsync(new RetrievalRequest("video diffusion models", RestrictTo: earlier));

        Assert.Equal(earlier.Order(), result.Papers.Select(p => p.Paper.Id).Order());
        Assert.False(result.HasRelevantEvidence);
    }

    [Fact]
    public async Task RetrieveAsync_RestrictToWithFilter_DropsRestrictedPapersOutsideTheFilter()
    {
        var sut = CreateSut(Collection());
        string[] earlier = [TestPapers.VideoDiffusion.Id, TestPapers.ImagenVideo.Id, TestPapers.ProteinStructure.Id];

        var result = await sut.RetrieveAsync(new RetrievalRequest("video", Filter: new SearchFilter(To: new DateOnly(2022, 6, 30)), RestrictTo: earlier));

        // ImagenVideo is too late; ProteinStructure has no date, so a date bound excludes it.
        Assert.Equal([TestPapers.VideoDiffusion.Id], result.Papers.Select(p => p.Paper.Id));
    }

    [Fact]
    public async Task RetrieveAsync_Filter_PassedToBothSearchesAndHonoured()
    {
        var index = Collection();
        var sut = CreateSut(index);
        var filter = new SearchFilter(From: new DateOnly(2022, 1, 1), Source: "a.txt");

        var result = await sut.RetrieveAsync(new RetrievalRequest("diffusion models", Filter: filter));

        Assert.Equal(["keyword", "vector"], index.Searches.Select(s => s.Kind).Order());
        Assert.All(index.Searches, s => Assert.Equal(filter, s.Filter));
        Assert.Equal([TestPapers.VideoDiffusion.Id], result.Papers.Select(p => p.Paper.Id));
    }

    [Fact]
    public async Task RetrieveAsync_TopKInRequest_OverridesOptions()
    {
        var sut = CreateSut(Collection(), configure: o => o.TopK = 5);

        var result = await sut.RetrieveAsync(new RetrievalRequest("language models", TopK: 1));

        Assert.Single(result.Papers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public async Task RetrieveAsync_BlankQuery_EmptyResultWithoutSearching(string query)
    {
        var index = Collection();
        using var embedder = new TestEmbeddingGenerator(Embedder.Embed);
        var sut = CreateSut(index, embedder);

        var result = await sut.RetrieveAsync(new RetrievalRequest(query));

        Assert.Empty(result.Papers);
        Assert.False(result.HasRelevantEvidence);
        Assert.Empty(index.Searches);
        Assert.Equal(0, embedder.Calls);
    }

    [Fact]
    public async Task RetrieveAsync_UnrelatedQuery_NoRelevantEvidence()
    {
        var sut = CreateSut(Collection());

        var result = await sut.RetrieveAsync(new RetrievalRequest("chocolate cake recipe with strawberries"));

        Assert.False(result.HasRelevantEvidence);
        Assert.All(result.Papers, p => Assert.True(p.Relevance < 0.35, $"{p.Paper.Title}: {p.Relevance:F3}"));
    }

    [Fact]
    public async Task RetrieveAsync_CancelledBeforeCall_ThrowsWithoutSearching()
    {
        var index = Collection();
        var sut = CreateSut(index);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.RetrieveAsync(new RetrievalRequest("diffusion"), cts.Token));
        Assert.Empty(index.Searches);
    }

    [Fact]
    public async Task RetrieveAsync_CancelledDuringSearch_Throws()
    {
        var searching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var index = new FakePaperIndex(Collection().Documents)
        {
            BeforeSearch = async ct =>
            {
                searching.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            },
        };
        var sut = CreateSut(index);
        using var cts = new CancellationTokenSource();

        var retrieval = sut.RetrieveAsync(new RetrievalRequest("diffusion"), cts.Token);
        await searching.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => retrieval);
    }

    [Fact]
    public async Task SimilarAsync_Paper_SameTopicFirstAndItselfExcluded()
    {
        var sut = CreateSut(Collection());

        var similar = await sut.SimilarAsync(TestPapers.VideoDiffusion.Id, top: 3);

        Assert.Equal(3, similar.Count);
        Assert.Equal(TestPapers.ImagenVideo.Id, similar[0].Paper.Id);
        Assert.DoesNotContain(similar, p => p.Paper.Id == TestPapers.VideoDiffusion.Id);
        Assert.All(similar, p => Assert.InRange(p.Relevance, 0, 1));
    }

    [Fact]
    public async Task SimilarAsync_UnknownPaper_Empty()
    {
        var sut = CreateSut(Collection());

        Assert.Empty(await sut.SimilarAsync("9999.99999", top: 3));
    }

    private static PaperDocument Document(string id, float[] vector) =>
        new(new Paper(id, $"Paper {id}", $"Abstract of {id}.", [], null, "x.txt"), id, [new IndexedChunk(new Chunk(id, 0, $"Abstract of {id}."), vector)]);
}
