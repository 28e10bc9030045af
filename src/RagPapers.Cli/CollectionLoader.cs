using Microsoft.Extensions.DependencyInjection;
using RagPapers.Cli.Rendering;
using RagPapers.Hosting;
using RagPapers.Ingestion;

namespace RagPapers.Cli;

/// <summary>First run: an empty store is filled from Collection:Paths before the first question, with a progress bar.</summary>
internal static class CollectionLoader
{
    public static async Task EnsureLoadedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var library = services.GetRequiredService<PaperLibrary>();
        var files = await library.PendingCollectionFilesAsync(cancellationToken);
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
        var total = Console.IsErrorRedirected ? 0 : await library.CountRecordsAsync(files, cancellationToken);
        var bar = new ConsoleProgressBar(label, total);
        var summary = await library.IngestAsync(files, bar, cancellationToken);
        bar.Complete();
        return summary;
    }
}
