using Microsoft.Extensions.AI;

namespace RagPapers.Bench;

/// <summary>Vectors computed beforehand, served by text: a retrieval timed without the embedder's share.</summary>
internal sealed class PrecomputedEmbeddings(IReadOnlyDictionary<string, ReadOnlyMemory<float>> vectors) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(vectors[v]))));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
