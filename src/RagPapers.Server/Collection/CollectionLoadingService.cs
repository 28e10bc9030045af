using RagPapers.Indexing;
using RagPapers.Ingestion;

namespace RagPapers.Server.Collection;

/// <summary>
/// Opens the store and, when it is empty, ingests Collection:Paths in the background, so Kestrel listens at
/// once (liveness answers) and /health/ready turns healthy when the papers are in. Their vectors follow from
/// the semantic indexer, also in the background: keyword results are served meanwhile.
/// </summary>
internal sealed class CollectionLoadingService(PaperLibrary library, SemanticIndexer indexer, CollectionState state, ILogger<CollectionLoadingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting; the work below takes a while on first run
        try
        {
            var files = await library.PendingCollectionFilesAsync(stoppingToken);
            if (files.Count > 0)
            {
                Log.LoadingCollection(logger, files.Count);
                var summary = await library.IngestAsync(files, cancellationToken: stoppingToken);
                Log.CollectionIngested(logger, summary.Read, summary.Added, summary.Skipped, summary.Elapsed.TotalSeconds);
            }

            var papers = await library.Index.CountPapersAsync(stoppingToken);
            state.MarkReady($"{papers} papers loaded.");
            Log.CollectionReady(logger, papers);
            indexer.StartBackground();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            state.MarkFailed("The server stopped while the collection was loading.");
        }
        catch (Exception ex)
        {
            // A store of another embedder or a missing collection path: stay up so /health/ready can say why.
            state.MarkFailed(ex.Message);
            Log.CollectionFailed(logger, ex.Message);
            Log.CollectionFailureDetail(logger, ex);
        }
    }
}
