using System.Runtime.CompilerServices;
using RagPapers.Ingestion;
using RagPapers.Papers;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    private const string SelectPaperSql = $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id";
    private const string ListPapersSql = $"SELECT {PaperRows.Columns} FROM papers ORDER BY published IS NULL, published DESC, title, id LIMIT $limit OFFSET $offset";
    private const int ListPageSize = 500;

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = await commands!.Get("SELECT id, content_hash FROM papers").ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    public async Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        return await ReadPaperAsync(id, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        var papers = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!papers.ContainsKey(id) && await ReadPaperAsync(id, cancellationToken) is { } paper)
            {
                papers.Add(id, paper);
            }
        }

        return papers;
    }

    public async Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        var chunks = new List<IndexedChunk>();
        var command = commands!.Get("SELECT ordinal, text, vector FROM chunks WHERE paper_id = $paper ORDER BY ordinal").Set("$paper", paperId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var chunk = new Chunk(paperId, reader.GetInt32(0), reader.GetString(1));
            chunks.Add(new IndexedChunk(chunk, VectorBlob.ToVector((byte[])reader.GetValue(2))));
        }

        return chunks;
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
        var command = commands!.Get(ListPapersSql).Set("$limit", ListPageSize).Set("$offset", offset);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(PaperRows.Read(reader));
        }

        return page;
    }

    private async Task<Paper?> ReadPaperAsync(string id, CancellationToken cancellationToken)
    {
        using var reader = await commands!.Get(SelectPaperSql).Set("$id", id).ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PaperRows.Read(reader) : null;
    }
}
