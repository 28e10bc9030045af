
namespace RagPapers.Storage;

/// <summary>A stored chunk waiting for its vector: <paramref name="Key"/> names it to <see cref="IDeferredVectorIndex.SetVectorsAsync"/>.</summary>
public sealed record ChunkWithoutVector(long Key, string PaperTitle, Chunk Chunk);
