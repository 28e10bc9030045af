using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.Embeddings.MiniLM.Tests;

/// <summary>The real all-MiniLM-L6-v2 weights through ONNX Runtime: reference outputs, batching, truncation, meaning.</summary>
public sealed class MiniLmEmbeddingGeneratorTests(SharedModel shared) : IClassFixture<SharedModel>
{
    private readonly MiniLmEmbeddingGenerator _sut = shared.Generator;

    [Fact]
    public async Task GenerateAsync_ModelCardSentenceFp32_MatchesSentenceTransformersReferenceOutput()
    {
        // The first values sentence-transformers prints for this sentence with all-MiniLM-L6-v2.
        float[] reference = [0.067657f, 0.063496f, 0.048713f, 0.079305f, 0.037448f, 0.002653f, 0.039375f, -0.007098f];

        var vector = (await shared.Fp32.GenerateVectorAsync("This is an example sentence")).ToArray();

        Assert.Equal(384, vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.Equal(reference[i], vector[i], 4);
        }
    }

    [Fact]
    public async Task GenerateAsync_TextsOfDifferentLengthsInOneBatch_SameVectorsAsOneByOne()
    {
        string[] texts =
        [
            "Barlow Twins avoids collapse by pushing the cross-correlation matrix of two views towards the identity.",
            "HuBERT",
            "Masked prediction of hidden units learned by offline clustering gives speech representations without labels.",
        ];

        var together = await _sut.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await _sut.GenerateVectorAsync(texts[i])).ToArray();
            Assert.Equal(1f, TensorPrimitives.CosineSimilarity(alone, together[i].Vector.Span), 5);
        }
    }

    [Fact]
    public async Task GenerateAsync_CalledFromManyRequestsAtOnce_SameVectorsAsOneAtATime()
    {
        string[] questions = [.. Enumerable.Range(0, 16).Select(i => $"question {i} about masked prediction of speech units")];
        var expected = new float[questions.Length][];
        for (var i = 0; i < questions.Length; i++)
        {
            expected[i] = (await _sut.GenerateVectorAsync(questions[i])).ToArray();
        }

        var concurrent = await Task.WhenAll(questions.Select(q => Task.Run(() => _sut.GenerateVectorAsync(q))));

        for (var i = 0; i < questions.Length; i++)
        {
            Assert.Equal(expected[i], concurrent[i].ToArray());
        }
    }

    [Fact]
    public async Task GenerateAsync_ParaphraseWithoutSharedWords_CloserThanUnrelatedText()
    {
        var question = await _sut.GenerateVectorAsync("How can a network learn from data nobody annotated?");
        var paraphrase = await _sut.GenerateVectorAsync("Self-supervised pretraining on unlabeled corpora");
        var unrelated = await _sut.GenerateVectorAsync("A recipe for sourdough bread with a long cold proof");

        var related = TensorPrimitives.Dot(question.Span, paraphrase.Span);
        var other = TensorPrimitives.Dot(question.Span, unrelated.Span);

        Assert.True(related > other + 0.2f, $"paraphrase {related:F3}, unrelated {other:F3}");
    }

    [Fact]
    public async Task GenerateAsync_TextsDifferingOnlyAfter256Tokens_SameVector()
    {
        var head = string.Join(' ', Enumerable.Repeat("contrastive learning of visual representations", 80));

        var a = await _sut.GenerateVectorAsync(head + " about protein folding");
        var b = await _sut.GenerateVectorAsync(head + " about galaxy rotation curves");

        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _sut.GenerateAsync(["anything"], cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsAsked_RefusedNamingTheModelsOwn()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _sut.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 512 }));

        Assert.Contains("384", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ReportsProviderModelAndDimensionsForTheStore()
    {
        var descriptor = _sut.Describe();

        Assert.Equal("ragpapers-onnx/all-MiniLM-L6-v2", descriptor.Id);
        Assert.Equal(384, descriptor.Dimensions);
        Assert.Equal(descriptor, _sut.Descriptor);
    }
}
