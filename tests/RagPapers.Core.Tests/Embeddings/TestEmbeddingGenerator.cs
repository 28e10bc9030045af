using Microsoft.Extensions.AI;

namespace RagPapers.Core.Tests.Embeddings;

/// <summary>An embedder whose vectors and metadata come from the test.</summary>
internal sealed class TestEmbeddingGenerator(
    Func<string, float[]> embed,
    EmbeddingGeneratorMetadata? metadata = null) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls++;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(embed(v)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata : null;

    public void Dispose()
    {
    }
}
