using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.Embeddings.MiniLM.Tests;

/// <summary>The default (int8) model and the fp32 original, loaded once for the whole class: each takes about a second.</summary>
public sealed class SharedModel : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    internal MiniLmEmbeddingGenerator Fp32 { get; } = new(MiniLmWeights.DefaultPath, MiniLmRuntimeOptions.Default with { Int8 = false, Unpadded = false });

    public void Dispose()
    {
        Generator.Dispose();
        Fp32.Dispose();
    }
}
