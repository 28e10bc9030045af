using Microsoft.Extensions.AI;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Fakes;

/// <summary>
/// A deterministic bag-of-words embedder: each term is hashed into one of 64 dimensions and the vector is
/// L2-normalized, so texts sharing terms are similar. <c>onCall</c> sees the 1-based call number and the
/// inputs before embedding (throw from it to simulate a failing endpoint).
/// </summary>
internal sealed class HashingEmbeddingGenerator(Action<int, IReadOnlyList<string>>? onCall = null) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 64;
    public const string Id = "test-hashing-64";

    public int Calls { get; private set; }

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var term in TextAnalyzer.Terms(text))
        {
            vector[Fnv1a(term) % Dimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        return vector.Select(v => v / norm).ToArray();
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var inputs = values.ToArray();
        Calls++; // counted apart from the callback: `onCall?.Invoke(++Calls, …)` skips the increment when there is none
        onCall?.Invoke(Calls, inputs);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(inputs.Select(t => new Embedding<float>(Embed(t)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
