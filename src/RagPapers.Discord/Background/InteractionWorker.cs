using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Configuration;
using RagPapers.Indexing;
using RagPapers.Ingestion;

namespace RagPapers.Discord.Background;

/// <summary>
/// Answers queued commands in the background: Discord:Workers loops read the queue, each answer runs to its
/// end (or to the token's), and the host waits for them when it stops. Idle while neither the endpoint nor the
/// Gateway is on.
/// </summary>
internal sealed class InteractionWorker(
    InteractionQueue queue,
    InteractionProcessor processor,
    PaperLibrary library,
    SemanticIndexer indexer,
    IOptions<DiscordOptions> options,
    ILogger<InteractionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsBotEnabled)
        {
            return;
        }

        try
        {
            await LoadCollectionAsync(stoppingToken);
            await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => ConsumeAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.Stopped(logger, queue.Count);
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var interaction in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await processor.ProcessAsync(interaction, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A bug in one answer must not stop the worker, nor (as an unhandled BackgroundService error would) the server.
                Log.ProcessingFailed(logger, ex, interaction.Kind, interaction.Id);
            }
        }
    }

    // First run: an empty store is filled from Collection:Paths before the first answer, as every front-end does.
    // A failure here (e.g. a store built by another embedder) is logged; commands then answer with a friendly failure.
    private async Task LoadCollectionAsync(CancellationToken stoppingToken)
    {
        try
        {
            var files = await library.PendingCollectionFilesAsync(stoppingToken);
            if (files.Count > 0)
            {
                var summary = await library.IngestAsync(files, cancellationToken: stoppingToken);
                Log.CollectionLoaded(logger, summary.Added, files.Count);
            }

            indexer.StartBackground(); // vectors follow in the background; answers use keyword search meanwhile
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CollectionLoadFailed(logger, ex);
        }
    }
}
