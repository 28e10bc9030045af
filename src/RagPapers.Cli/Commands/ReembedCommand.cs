using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Indexing;
using RagPapers.Ingestion;
using RagPapers.Storage;
using RagPapers.Cli.Collection;

namespace RagPapers.Cli.Commands;

/// <summary>`reindex --embeddings`, and the wait `reindex --from` makes for a source whose vectors are not all computed yet.</summary>
internal static class ReembedCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<PaperLibrary>().OpenAsync(cancellationToken);
        CollectionLoader.ReportReplacedEmbedder(services);
        var indexer = services.GetRequiredService<SemanticIndexer>();
        if (!indexer.Status.Deferred)
        {
            return CommandRunner.Fail(ExitCodes.Failure,
                "this store (Store:Provider Qdrant) takes its vectors during ingestion and cannot re-embed them in place: delete the collection and run `ragpapers ingest`, or re-embed a SQLite store and copy it with `ragpapers reindex --from sqlite --to qdrant`.");
        }

        var provider = services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.Provider;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Re-embedding all {indexer.Status.Total} chunks with Embeddings:Provider {provider} (keyword search keeps working meanwhile; after Ctrl-C, any later ask, search or chat resumes from where it stopped)"));
        await SemanticIndexWaiter.RunAsync(indexer, services.GetRequiredService<TimeProvider>(), (i, p, ct) => i.ReembedAllAsync(p, ct), cancellationToken);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"re-embedded {indexer.Status.Total} chunks with Embeddings:Provider {provider}"));
        return ExitCodes.Ok;
    }

    /// <summary>Computes the vectors <paramref name="source"/> (an opened store other than the configured one) still lacks, with the progress bar.</summary>
    public static async Task CompleteAsync(IServiceProvider services, IPaperIndex source, CancellationToken cancellationToken)
    {
        await using var indexer = ActivatorUtilities.CreateInstance<SemanticIndexer>(services, source);
        var status = indexer.Status;
        if (status.IsComplete)
        {
            return;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Counts}: the source's vectors are computed before they are copied"));
        await SemanticIndexWaiter.RunAsync(indexer, services.GetRequiredService<TimeProvider>(), (i, p, ct) => i.CompleteAsync(p, ct), cancellationToken);
    }
}
