using Microsoft.Extensions.AI;
using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.Embeddings.MiniLM.Tests;

public sealed class QuestionEmbeddingCacheTests
{
    private readonly CountingGenerator _inner = new();

    [Fact]
    public async Task GenerateAsync_SameQuestionTwice_SecondServedFromTheCacheWithTheSameVector()
    {
        using var sut = new QuestionEmbeddingCache(_inner, capacity: 4);

        var first = await sut.GenerateVectorAsync("what is HuBERT?");
        var second = await sut.GenerateVectorAsync("what is HuBERT?");

        Assert.Equal(1, _inner.Texts);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_MoreQuestionsThanCapacity_LeastRecentlyUsedEvicted()
    {
        using var sut = new QuestionEmbeddingCache(_inner, capacity: 2);
        await sut.GenerateVectorAsync("a");
        await sut.GenerateVectorAsync("b");
        await sut.GenerateVectorAsync("a");

        await sut.GenerateVectorAsync("c");
        var before = _inner.Texts;
        await sut.GenerateVectorAsync("a");
        await sut.GenerateVectorAsync("b");

        // "b" was the least recently used when "c" came in: it is embedded again, "a" is not.
        Assert.Equal(2, sut.Count);
        Assert.Equal(before + 1, _inner.Texts);
    }

    [Fact]
    public async Task GenerateAsync_SeveralTexts_PassedThroughAndNotRemembered()
    {
        using var sut = new QuestionEmbeddingCache(_inner, capacity: 4);

        await sut.GenerateAsync(["abstract one", "abstract two"]);
        await sut.GenerateAsync(["abstract one", "abstract two"]);

        Assert.Equal(4, _inner.Texts);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_ThrowsEvenForACachedQuestion()
    {
        using var sut = new QuestionEmbeddingCache(_inner, capacity: 4);
        await sut.GenerateVectorAsync("cached");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.GenerateVectorAsync("cached", cancellationToken: cancelled.Token));
    }

    /// <summary>Embeds a text as [length, first character] and counts the texts it was given.</summary>
    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Texts { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            Texts += texts.Count;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(new[] { t.Length, (float)t[0] }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
