using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Cli.Rendering;
using RagPapers.Indexing;

namespace RagPapers.Cli.Collection;

/// <summary>
/// One-shot commands (ask, search, ingest) finish the semantic index before they go on, with a progress bar on stderr,
/// so their answer is the hybrid one; --no-wait skips the wait and answers from keywords at once.
/// </summary>
internal static class SemanticIndexWaiter
{
    public static async Task WaitAsync(IServiceProvider services, bool noWait, CancellationToken cancellationToken)
    {
        var indexer = services.GetRequiredService<SemanticIndexer>();
        var status = indexer.Status;
        if (status.IsComplete || noWait)
        {
            return;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{status.Counts}: computing the vectors of {status.Total - status.Embedded} chunks (--no-wait answers from keywords at once; Ctrl-C stops, and the next run resumes)"));
        await RunAsync(indexer, services.GetRequiredService<TimeProvider>(), (i, p, ct) => i.CompleteAsync(p, ct), cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> (complete or re-embed) with the progress bar, Ctrl-C and the closing line.</summary>
    public static async Task RunAsync(
        SemanticIndexer indexer,
        TimeProvider time,
        Func<SemanticIndexer, IProgress<SemanticIndexStatus>, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var bar = new SemanticIndexProgressBar();
        using var interrupt = new InterruptScope(cancellationToken);
        try
        {
            await work(indexer, bar, interrupt.Token);
        }
        catch (OperationCanceledException) when (InterruptScope.Interrupted)
        {
            bar.Complete();
            Console.Error.WriteLine($"{indexer.Status.Counts}: stopped; the next run resumes from here.");
            throw;
        }

        bar.Complete();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"semantic index complete: {indexer.Status.Total} chunks in {time.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }
}
