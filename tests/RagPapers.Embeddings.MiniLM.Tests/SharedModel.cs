namespace RagPapers.Embeddings.MiniLM.Tests;

/// <summary>One loaded model for the whole class: loading the 90 MB graph takes about a second.</summary>
public sealed class SharedModel : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public void Dispose() => Generator.Dispose();
}
