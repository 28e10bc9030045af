using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagPapers.Configuration;
using RagPapers.Embeddings;
using RagPapers.Indexing;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Ingestion;

/// <summary>
/// What a front-end does with the collection before it answers: open the store with the configured
/// embedder (a store that defers vectors adopts it and re-embeds; another refuses a mismatch), ingest
/// files, and load the configured collection into an empty store on first run. Every ingestion tells
/// the semantic indexer that new chunks may wait for their vectors.
/// </summary>
public sealed class PaperLibrary(
    IPaperIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    CollectionReader reader,
    Ingestor ingestor,
    SemanticIndexer semanticIndexer,
    IOptions<CollectionOptions> collection,
    ContentRoot root) : IDisposable
{
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private bool _opened;

    public IPaperIndex Index => index;

    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        await _openLock.WaitAsync(cancellationToken);
        try
        {
            if (!_opened)
            {
                // DescribeAsync: an OpenAI-compatible model's dimensions are learned by embedding one probe text.
                await index.OpenAsync(await embedder.DescribeAsync(cancellationToken), cancellationToken);
                _opened = true;
            }
        }
        finally
        {
            _openLock.Release();
        }
    }

    /// <summary>The files behind <paramref name="paths"/> (folders expanded, relative to the content root); throws FileNotFoundException naming a missing one.</summary>
    public IReadOnlyList<string> ResolveFiles(IEnumerable<string> paths) =>
        CollectionReader.ExpandPaths(paths.Select(root.Resolve));

    public async Task<IngestSummary> IngestAsync(
        IReadOnlyList<string> files,
        IProgress<IngestProgress>? progress = null,
        Action<IngestResult>? onResult = null,
        CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        try
        {
            return await ingestor.IngestAsync(reader.ReadAsync(files, cancellationToken), progress, onResult, cancellationToken);
        }
        finally
        {
            semanticIndexer.Notify(); // the batches that landed may hold chunks without vectors, also after a failure
        }
    }

    /// <summary>The files of Collection:Paths when the store holds no paper yet, else none.</summary>
    public async Task<IReadOnlyList<string>> PendingCollectionFilesAsync(CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        return await index.CountPapersAsync(cancellationToken) > 0 ? [] : ResolveFiles(collection.Value.Paths);
    }

    public void Dispose() => _openLock.Dispose();
}
