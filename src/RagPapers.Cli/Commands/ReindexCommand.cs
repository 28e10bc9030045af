using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Hosting;
using RagPapers.Storage;

namespace RagPapers.Cli.Commands;

/// <summary>`reindex --from sqlite --to qdrant` (or back): moves papers, chunks and their vectors between stores without re-embedding.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var from = StoreOption("--from", "The store to copy from: sqlite or qdrant.");
        var to = StoreOption("--to", "The store to copy into: sqlite or qdrant (created if missing).");
        var command = new Command("reindex", "Copy every paper, chunk and vector from one store to the other (Store:Sqlite and Store:Qdrant settings); vectors are reused, not recomputed.") { from, to };
        command.Validators.Add(result =>
        {
            if (OptionParsers.ValidValue(result, from) is { } f && OptionParsers.ValidValue(result, to) is { } t && string.Equals(f, t, StringComparison.OrdinalIgnoreCase))
            {
                result.AddError("--from and --to name the same store; use one sqlite and one qdrant.");
            }
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, (services, token) => RunAsync(services, parse.GetValue(from)!.ToLowerInvariant(), parse.GetValue(to)!.ToLowerInvariant(), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string from, string to, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<PaperIndexFactory>();
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().Describe();
        await using var source = factory.Create(from);
        await using var target = factory.Create(to);

        // One descriptor for both: the vectors are reused, so the source must hold this embedder's vectors and the
        // target must be new or hold them too; either refusal says what to do.
        await source.OpenAsync(embedder, cancellationToken);
        if (await source.CountPapersAsync(cancellationToken) == 0)
        {
            return CommandRunner.Fail(ExitCodes.Failure, $"the {factory.Describe(from)} holds no papers; nothing to copy.");
        }

        await target.OpenAsync(embedder, cancellationToken);
        var batchSize = services.GetRequiredService<IOptions<IngestionOptions>>().Value.BatchSize;
        var summary = await PaperIndexCopier.CopyAsync(source, target, batchSize, progress: null, cancellationToken);
        var total = await target.CountPapersAsync(cancellationToken);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"copied {summary.Copied} papers ({summary.Chunks} chunks) from the {factory.Describe(from)} to the {factory.Describe(to)}; {summary.Unchanged} unchanged; {total} papers there now"));
        if (summary.OnlyInTarget > 0)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.OnlyInTarget} papers in the target are not in the source and were left as they are"));
        }

        return ExitCodes.Ok;
    }

    private static Option<string?> StoreOption(string name, string description) => OptionParsers.OneOf(name, description, required: true, "sqlite", "qdrant");
}
