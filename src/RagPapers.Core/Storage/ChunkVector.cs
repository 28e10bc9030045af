namespace RagPapers.Storage;

/// <summary>The vector computed for the chunk <see cref="ChunkWithoutVector.Key"/> named.</summary>
public sealed record ChunkVector(long Key, ReadOnlyMemory<float> Vector);
