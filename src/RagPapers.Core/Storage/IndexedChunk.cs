
namespace RagPapers.Storage;

/// <summary>A chunk with its embedding, as stored.</summary>
public sealed record IndexedChunk(Chunk Chunk, ReadOnlyMemory<float> Vector);
