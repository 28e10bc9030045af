using System.Runtime.CompilerServices;
using RagPapers.Papers;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    private const string SelectPaperSql = $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id";
    private const string SelectHashesSql = $"SELECT id, content_hash FROM papers WHERE id IN ({JsonIdList.Values})";
    private const string SelectPapersSql = $"SELECT {PaperRows.Columns} FROM papers WHERE id IN ({JsonIdList.Values})";
    private const string ListPapersSql = $"SELECT {PaperRows.Columns} FROM papers ORDER BY published IS NULL, published DESC, title, id LIMIT $limit OFFSET $offset";
    private const int ListPageSize = 500;

    // Bounds the papers a long-running server keeps between writes.
    private const int MaxCachedPapers = 10_000;

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = await _commands!.Get("SELECT id, content_hash FROM papers").ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var hashes = new Dictionary<string, string>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return hashes;
        }

        using var _ = await LockAsync(cancellationToken);
        using var reader = await _commands!.Get(SelectHashesSql).Set("$ids", JsonIdList.From(ids)).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    public async Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        if (_papers.TryGetValue(id, out var kept))
        {
            return kept;
        }

        var paper = await ReadPaperAsync(id, cancellationToken);
        if (paper is not null)
        {
            Remember(paper);
        }

        return paper;
    }

    public async Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, Paper>(StringComparer.Ordinal);
        using var _ = await LockAsync(cancellationToken);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (_papers.TryGetValue(id, out var paper))
            {
                found.TryAdd(id, paper);
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        using var reader = await _commands!.Get(SelectPapersSql).Set("$ids", JsonIdList.From(missing)).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var paper = PaperRows.Read(reader);
            found[paper.Id] = paper;
            Remember(paper);
        }

        return found;
    }

    // Chunks are read from SQLite when asked for (no copy of the collection in memory); the retriever caches what it
    // reads for the length of a question (ChunkCache).
    public async Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        return (await GetChunksAsync([paperId], cancellationToken)).GetValueOrDefault(paperId) ?? [];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(
        IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        using var _ = await LockAsync(cancellationToken);
        return await ChunkLookup.OfPapersAsync(_commands!, _chunkRows, paperIds, DenseWork, cancellationToken);
    }

    public async IAsyncEnumerable<Paper> ListPapersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Page by page, yielding outside the lock, so a caller may use the index while it enumerates.
        for (var offset = 0; ; offset += ListPageSize)
        {
            var page = await ReadPageAsync(offset, cancellationToken);
            foreach (var paper in page)
            {
                yield return paper;
            }

            if (page.Count < ListPageSize)
            {
                yield break;
            }
        }
    }

    private async Task<List<Paper>> ReadPageAsync(int offset, CancellationToken cancellationToken)
    {
        using var _ = await LockAsync(cancellationToken);
        var page = new List<Paper>(ListPageSize);
        var command = _commands!.Get(ListPapersSql).Set("$limit", ListPageSize).Set("$offset", offset);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(PaperRows.Read(reader));
        }

        return page;
    }

    /// <summary>Keeps a paper read under the lock until the next write; a full cache starts over.</summary>
    private void Remember(Paper paper)
    {
        if (_papers.Count >= MaxCachedPapers)
        {
            _papers.Clear();
        }

        _papers[paper.Id] = paper;
    }

    private async Task<Paper?> ReadPaperAsync(string id, CancellationToken cancellationToken)
    {
        using var reader = await _commands!.Get(SelectPaperSql).Set("$id", id).ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PaperRows.Read(reader) : null;
    }
}
