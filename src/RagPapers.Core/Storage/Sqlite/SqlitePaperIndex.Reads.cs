using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RagPapers.Ingestion;
using RagPapers.Papers;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    private const string SelectPaperSql = $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id";
    private const string SelectPapersSql = $"SELECT {PaperRows.Columns} FROM papers WHERE id IN ({JsonIdList.Values})";
    private const string SelectChunksSql = "SELECT ordinal, text, vector FROM chunks WHERE paper_id = $paper ORDER BY ordinal";
    private const string SelectChunksOfPapersSql = $"SELECT paper_id, ordinal, text, vector FROM chunks WHERE paper_id IN ({JsonIdList.Values}) ORDER BY paper_id, ordinal";
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
        ArgumentNullException.ThrowIfNull(ids);
        var papers = new Dictionary<string, Paper>(StringComparer.Ordinal);
        using var _ = await LockAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return papers;
        }

        using var reader = await commands!.Get(SelectPapersSql).Set("$ids", JsonIdList.From(ids)).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var paper = PaperRows.Read(reader);
            papers[paper.Id] = paper;
        }

        return papers;
    }

    public async Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        var chunks = new List<IndexedChunk>();
        using var reader = await commands!.Get(SelectChunksSql).Set("$paper", paperId).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(ReadChunk(reader, paperId, 0));
        }

        return chunks;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(
        IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var byPaper = new Dictionary<string, IReadOnlyList<IndexedChunk>>(StringComparer.Ordinal);
        using var _ = await LockAsync(cancellationToken);
        if (paperIds.Count == 0)
        {
            return byPaper;
        }

        using var reader = await commands!.Get(SelectChunksOfPapersSql).Set("$ids", JsonIdList.From(paperIds)).ExecuteReaderAsync(cancellationToken);
        var chunks = new List<IndexedChunk>();
        var current = "";
        while (await reader.ReadAsync(cancellationToken))
        {
            // Rows arrive grouped by paper (ORDER BY paper_id): a new list starts where the id changes.
            var paperId = reader.GetString(0);
            if (byPaper.Count == 0 || !string.Equals(paperId, current, StringComparison.Ordinal))
            {
                byPaper.Add(paperId, chunks = []);
                current = paperId;
            }

            chunks.Add(ReadChunk(reader, paperId, 1));
        }

        return byPaper;
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

    /// <summary>A chunk from a row whose columns from <paramref name="first"/> on are ordinal, text and vector.</summary>
    private static IndexedChunk ReadChunk(SqliteDataReader reader, string paperId, int first) =>
        new(new Chunk(paperId, reader.GetInt32(first), reader.GetString(first + 1)), VectorBlob.ToVector((byte[])reader.GetValue(first + 2)));
}
