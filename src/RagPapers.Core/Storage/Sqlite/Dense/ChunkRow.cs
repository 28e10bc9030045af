namespace RagPapers.Storage.Sqlite;

/// <summary>A chunk as stored, with its float32 vector (null until the chunk is embedded, or when the row was read without it).</summary>
/// <param name="VectorRead">Whether the vector column was read: keyword search reads texts only.</param>
internal sealed record ChunkRow(Chunk Chunk, float[]? Vector, bool VectorRead = true)
{
    public IndexedChunk ToIndexed() => new(Chunk, Vector ?? ReadOnlyMemory<float>.Empty);
}
