using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using System.Numerics.Tensors;

namespace RagPapers.Core.Tests.Embeddings;

public class LocalEmbeddingGeneratorTests
{
    private static LocalEmbeddingGenerator Create(int dimensions = 512) =>
        new(Options.Create(new EmbeddingsOptions { Dimensions = dimensions }));

    private static float Cosine(LocalEmbeddingGenerator sut, string a, string b) =>
        TensorPrimitives.Dot(sut.Embed(a), sut.Embed(b));

    [Fact]
    public async Task GenerateAsync_SameTextInTwoInstances_SameVector()
    {
        using var first = Create();
        using var second = Create();

        var a = await first.GenerateVectorAsync("Diffusion models for video generation");
        var b = await second.GenerateVectorAsync("Diffusion models for video generation");

        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_AnyText_UnitLengthWithConfiguredDimensions()
    {
        using var sut = Create(dimensions: 256);

        var embeddings = await sut.GenerateAsync(["Scaling laws for neural language models", "x"]);

        Assert.All(embeddings, e => Assert.Equal(256, e.Vector.Length));
        Assert.Equal(1f, TensorPrimitives.Norm(embeddings[0].Vector.Span), 4);
        Assert.Equal(LocalEmbeddingGenerator.ModelId, embeddings[0].ModelId);
    }

    [Fact]
    public async Task GenerateAsync_TextWithoutContentTerms_ZeroVector()
    {
        using var sut = Create();

        var vector = await sut.GenerateVectorAsync("what is the of and?");

        Assert.All(vector.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Embed_VeryLongToken_UnitLength()
    {
        using var sut = Create();

        var vector = sut.Embed("sequence " + new string('a', 500) + " of amino acids");

        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public async Task GenerateAsync_OptionsAskForDimensions_ThoseDimensions()
    {
        using var sut = Create();

        var vector = await sut.GenerateVectorAsync("graph neural networks", new EmbeddingGenerationOptions { Dimensions = 128 });

        Assert.Equal(128, vector.Length);
    }

    [Fact]
    public async Task GenerateAsync_LargeBatch_SameAsOneByOne()
    {
        using var sut = Create();
        var texts = Enumerable.Range(0, 200).Select(i => $"paper {i} about topic {i % 7} and method {i * 31 % 11}").ToArray();

        var batch = await sut.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sut.Embed(texts[i]), batch[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_Throws()
    {
        using var sut = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.GenerateAsync(["a text"], cancellationToken: cts.Token));
    }

    [Fact]
    public void Embed_ParaphraseAndUnrelatedTopic_ParaphraseIsCloser()
    {
        using var sut = Create();
        const string query = "video generation with diffusion";

        var paraphrase = Cosine(sut, query, "diffusion models for generating videos");
        var unrelated = Cosine(sut, query, "graph neural networks for molecules");

        Assert.True(paraphrase > unrelated + 0.3f, $"paraphrase {paraphrase:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public void Embed_MorphologicalVariantsAndTypos_StayCloserThanUnrelatedText()
    {
        using var sut = Create();

        var inflected = Cosine(sut, "optimizing transformers", "optimization of transformer");
        var misspelled = Cosine(sut, "reinforcement learning", "reinforcment lerning");
        var unrelated = Cosine(sut, "reinforcement learning", "protein folding");

        // Char-grams carry typos, but they only hold 0.8² / (1 + 0.2² + 0.8²) = 38% of the vector, so a
        // misspelled pair scores about 0.13 where exact words would score 1.

        Assert.True(inflected > 0.4f, $"inflected {inflected:F3}");
        Assert.True(misspelled > unrelated + 0.08f, $"misspelled {misspelled:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public void Embed_KnownText_MatchesRecordedVector()
    {
        // Guards the stored-vector contract: if this fails, the feature recipe changed, so bump
        // LocalEmbeddingGenerator.ModelId (stores then ask for a rebuild) and record the new numbers.
        using var sut = Create(dimensions: 64);

        var vector = sut.Embed("Latent diffusion models generate videos");
        var checksum = vector.Select((v, i) => v * (i + 1)).Sum();

        Assert.Equal(-69.5129f, checksum, 3);
        Assert.Equal("hashed-ngrams-v1", LocalEmbeddingGenerator.ModelId);
    }

    [Fact]
    public void GetService_Metadata_NamesProviderModelAndDimensions()
    {
        using var sut = Create(dimensions: 384);

        var metadata = sut.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("ragpapers-local", metadata.ProviderName);
        Assert.Equal("hashed-ngrams-v1", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
        Assert.Same(sut, sut.GetService<LocalEmbeddingGenerator>());
        Assert.Null(sut.GetService(typeof(string)));
    }

    [Fact]
    public void Descriptor_Default_IdAndDimensions()
    {
        using var sut = Create();

        Assert.Equal(new RagPapers.Storage.EmbedderDescriptor("ragpapers-local/hashed-ngrams-v1", 512), sut.Descriptor);
    }
}
