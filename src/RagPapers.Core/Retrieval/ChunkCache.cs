using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>Chunks (with vectors) of the papers one retrieval touches, fetched once each.</summary>
internal sealed class ChunkCache(IPaperIndex index)
{
    private readonly Dictionary<string, IReadOnlyList<IndexedChunk>> _chunks = new(StringComparer.Ordinal);

    /// <summary>Fetches the chunks of those of <paramref name="paperIds"/> not held yet, in one read.</summary>
    public async Task LoadAsync(IEnumerable<string> paperIds, CancellationToken cancellationToken)
    {
        var missing = paperIds.Where(id => !_chunks.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var read = await index.GetChunksAsync(missing, cancellationToken);
        foreach (var id in missing)
        {
            _chunks[id] = read.GetValueOrDefault(id) ?? [];
        }
    }

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
