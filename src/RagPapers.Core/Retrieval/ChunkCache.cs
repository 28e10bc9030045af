using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>Chunks (with vectors) of the papers one retrieval touches, fetched once each.</summary>
internal sealed class ChunkCache(IPaperIndex index)
{
    private readonly Dictionary<string, IReadOnlyList<IndexedChunk>> _chunks = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<IndexedChunk>> GetAsync(string paperId, CancellationToken cancellationToken)
    {
        if (!_chunks.TryGetValue(paperId, out var chunks))
        {
            chunks = await index.GetChunksAsync(paperId, cancellationToken);
            _chunks[paperId] = chunks;
        }

        return chunks;
    }
}
