using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using RagPapers.Papers;
using RagPapers.Storage;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>
/// A few papers held in memory with brute-force search, for testing the retriever's logic only
/// (store behaviour is tested against real SQLite files). Searches can be replaced by delegates.
/// </summary>
internal sealed class FakePaperIndex(IEnumerable<PaperDocument> documents) : IPaperIndex
{
    private readonly Dictionary<string, PaperDocument> _documents = documents.ToDictionary(d => d.Paper.Id, StringComparer.Ordinal);
    private readonly List<(string Kind, int Top, SearchFilter? Filter)> _searches = [];
    private readonly List<int> _chunkReads = [];

    /// <summary>Replaces the brute-force keyword search: (query, top, filter) → hits.</summary>
    public Func<string, int, SearchFilter?, IReadOnlyList<ChunkHit>>? Keyword { get; init; }

    /// <summary>Replaces the brute-force vector search: (vector, top, filter) → hits.</summary>
    public Func<ReadOnlyMemory<float>, int, SearchFilter?, IReadOnlyList<ChunkHit>>? Vector { get; init; }

    /// <summary>Runs at the start of every search, e.g. to hold it until the test cancels.</summary>
    public Func<CancellationToken, Task> BeforeSearch { get; init; } = _ => Task.CompletedTask;

    public IReadOnlyList<PaperDocument> Documents => [.. _documents.Values];

    public IReadOnlyList<(string Kind, int Top, SearchFilter? Filter)> Searches
    {
        get
        {
            lock (_searches)
            {
                return [.. _searches];
            }
        }
    }

    /// <summary>The number of paper ids asked for by each chunk read, in order: 1 for a one-paper read.</summary>
    public IReadOnlyList<int> ChunkReads
    {
        get
        {
            lock (_chunkReads)
            {
                return [.. _chunkReads];
            }
        }
    }

    public Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_documents.ToDictionary(d => d.Key, d => d.Value.ContentHash));

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_documents.Where(d => ids.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value.ContentHash));

    public Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        foreach (var document in batch)
        {
            _documents[document.Paper.Id] = document;
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await StartSearchAsync("keyword", top, filter, cancellationToken);
        if (Keyword is not null)
        {
            return Keyword(query, top, filter);
        }

        var terms = TextAnalyzer.Terms(query).ToHashSet(StringComparer.Ordinal);
        return Rank(filter, top, (paper, chunk) => TextAnalyzer.Terms(paper.Title + " " + chunk.Chunk.Text).Distinct().Count(terms.Contains));
    }

    public async Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await StartSearchAsync("vector", top, filter, cancellationToken);
        return Vector is not null
            ? Vector(query, top, filter)
            : Rank(filter, top, (_, chunk) => TensorPrimitives.Dot(query.Span, chunk.Vector.Span), keepZero: true);
    }

    public Task<Paper?> GetPaperAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue(id, out var d) ? d.Paper : null);

    public Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyDictionary<string, Paper>>(
            ids.Where(_documents.ContainsKey).Distinct().ToDictionary(id => id, id => _documents[id].Paper));
    }

    public Task<IReadOnlyList<IndexedChunk>> GetChunksAsync(string paperId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RecordChunkRead(1);
        return Task.FromResult(_documents.TryGetValue(paperId, out var d) ? d.Chunks : (IReadOnlyList<IndexedChunk>)[]);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>> GetChunksAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RecordChunkRead(paperIds.Count);
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<IndexedChunk>>>(
            paperIds.Where(_documents.ContainsKey).Distinct().ToDictionary(id => id, id => _documents[id].Chunks));
    }

    public Task<int> CountPapersAsync(CancellationToken cancellationToken = default) => Task.FromResult(_documents.Count);

    public Task<int> CountChunksAsync(CancellationToken cancellationToken = default) => Task.FromResult(_documents.Values.Sum(d => d.Chunks.Count));

    public async IAsyncEnumerable<Paper> ListPapersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var paper in _documents.Values.Select(d => d.Paper).OrderByDescending(p => p.Published).ThenBy(p => p.Title, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return paper;
        }
    }

    public Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default)
    {
        var ids = _documents.Values.Where(d => d.Paper.Source == source).Select(d => d.Paper.Id).ToArray();
        foreach (var id in ids)
        {
            _documents.Remove(id);
        }

        return Task.FromResult(ids.Length);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => this.GetOwnService(serviceType, serviceKey);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task StartSearchAsync(string kind, int top, SearchFilter? filter, CancellationToken cancellationToken)
    {
        lock (_searches)
        {
            _searches.Add((kind, top, filter));
        }

        await BeforeSearch(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void RecordChunkRead(int papers)
    {
        lock (_chunkReads)
        {
            _chunkReads.Add(papers);
        }
    }

    private List<ChunkHit> Rank(SearchFilter? filter, int top, Func<Paper, IndexedChunk, double> score, bool keepZero = false) =>
        [.. _documents.Values
            .Where(d => Passes(filter, d.Paper))
            .SelectMany(d => d.Chunks.Select(c => new ChunkHit(d.Paper.Id, c.Chunk.Ordinal, c.Chunk.Text, score(d.Paper, c))))
            .Where(h => keepZero || h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.PaperId, StringComparer.Ordinal)
            .ThenBy(h => h.Ordinal)
            .Take(top)];

    private static bool Passes(SearchFilter? filter, Paper paper) =>
        filter is null
        || ((filter.From is null || (paper.Published is { } from && from >= filter.From))
            && (filter.To is null || (paper.Published is { } to && to <= filter.To))
            && (filter.Source is null || filter.Source == paper.Source));

    /// <summary>One chunk per sentence of the abstract, embedded with the title as context like the ingestor does.</summary>
    public static FakePaperIndex Embedded(Func<string, float[]> embed, params Paper[] papers) =>
        new(papers.Select(p => new PaperDocument(
            p,
            p.Id,
            [.. SentenceSplitter.SplitToStrings(p.Abstract).Select((s, i) => new IndexedChunk(new Chunk(p.Id, i, s), embed(p.Title + "\n" + s)))])));
}
