using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Cli.Rendering;
using RagPapers.Embeddings;
using RagPapers.Ingestion;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Cli.Collection;

/// <summary>
/// First run: an empty store is filled from Collection:Paths before the first question, with a progress bar. Papers,
/// chunks and the keyword index go in at once; the vectors follow from the semantic indexer.
/// </summary>
internal static class CollectionLoader
{
    public static async Task EnsureLoadedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var library = services.GetRequiredService<PaperLibrary>();
        var files = await library.PendingCollectionFilesAsync(cancellationToken);
        ReportReplacedEmbedder(services);
        if (files.Count == 0)
        {
            return;
        }

        var summary = await IngestWithProgressAsync(library, files, "Indexing the collection", cancellationToken);
        Console.Error.WriteLine(IngestSummaryRenderer.Headline(summary, files.Count));
    }

    public static async Task<IngestSummary> IngestWithProgressAsync(
        PaperLibrary library,
        IReadOnlyList<string> files,
        string label,
        CancellationToken cancellationToken)
    {
        var bar = ConsoleProgressBar.OnStandardError(label, CollectionReader.TotalBytes(files));
        var summary = await library.IngestAsync(files, bar, cancellationToken: cancellationToken);
        bar.Complete();
        return summary;
    }

    /// <summary>Says so when opening the store dropped another embedder's vectors: the papers stay, the vectors are computed again.</summary>
    public static void ReportReplacedEmbedder(IServiceProvider services, IPaperIndex? index = null)
    {
        if ((index ?? services.GetRequiredService<IPaperIndex>()).GetService<IDeferredVectorIndex>() is { ReplacedEmbedder: { } replaced } store)
        {
            var provider = services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.Provider;
            Console.Error.WriteLine(
                $"The store was built with embedder '{replaced.Id}' ({replaced.Dimensions} dims): its {store.Progress.Total} chunks are re-embedded with Embeddings:Provider {provider}; papers and keyword search are kept.");
        }
    }
}
