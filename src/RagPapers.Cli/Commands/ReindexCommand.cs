using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Hosting;
using RagPapers.Ingestion;
using RagPapers.Storage;
using RagPapers.Cli.Collection;

namespace RagPapers.Cli.Commands;

/// <summary>
/// `reindex --from sqlite --to qdrant` (or back): moves papers, chunks and their vectors between stores without
/// re-embedding. `reindex --embeddings`: recomputes every vector of the configured store in place.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var from = StoreOption("--from", "The store to copy from: sqlite or qdrant.");
        var to = StoreOption("--to", "The store to copy into: sqlite or qdrant (created if missing).");
        var embeddings = new Option<bool>("--embeddings")
        {
            Description = "Instead of copying: drop every vector of the configured store and compute them again with the configured embedder (papers, chunks and keyword search are kept).",
        };
        var command = new Command("reindex", "Copy every paper, chunk and vector from one store to the other (Store:Sqlite and Store:Qdrant settings; vectors are reused, not recomputed), or re-embed the store in place with --embeddings.")
        {
            from, to, embeddings,
        };
        command.Validators.Add(result => Validate(result, from, to, embeddings));
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, (services, token) => parse.GetValue(embeddings)
            ? ReembedCommand.RunAsync(services, token)
            : RunAsync(services, parse.GetValue(from)!.ToLowerInvariant(), parse.GetValue(to)!.ToLowerInvariant(), token), ct));
        return command;
    }

    private static void Validate(System.CommandLine.Parsing.CommandResult result, Option<string?> from, Option<string?> to, Option<bool> embeddings)
    {
        // Given or not, as typed: a malformed value has its own parse error and is not reported twice.
        var (fromGiven, toGiven) = (result.GetResult(from) is not null, result.GetResult(to) is not null);
        if (OptionParsers.ValidValue(result, embeddings))
        {
            if (fromGiven || toGiven)
            {
                result.AddError("--embeddings re-embeds the configured store in place; leave out --from and --to.");
            }
        }
        else if (!fromGiven || !toGiven)
        {
            result.AddError("reindex needs --from and --to (copy between stores), or --embeddings (re-embed in place).");
        }
        else if (OptionParsers.ValidValue(result, from) is { } f && OptionParsers.ValidValue(result, to) is { } t && string.Equals(f, t, StringComparison.OrdinalIgnoreCase))
        {
            result.AddError("--from and --to name the same store; use one sqlite and one qdrant.");
        }
    }

    private static async Task<int> RunAsync(IServiceProvider services, string from, string to, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<PaperIndexFactory>();
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().Describe();
        await using var source = factory.Create(from);
        await using var target = factory.Create(to);

        // One descriptor for both: the vectors are reused, so the source must hold this embedder's vectors (a SQLite
        // store built by another embedder re-embeds first) and the target must be new or hold them too.
        await source.OpenAsync(embedder, cancellationToken);
        if (await source.CountPapersAsync(cancellationToken) == 0)
        {
            return CommandRunner.Fail(ExitCodes.Failure, $"the {factory.Describe(from)} holds no papers; nothing to copy.");
        }

        CollectionLoader.ReportReplacedEmbedder(services, source);
        await ReembedCommand.CompleteAsync(services, source, cancellationToken);
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

    // Not required by the parser: --embeddings goes without them, and Validate says what each form needs.
    private static Option<string?> StoreOption(string name, string description) => OptionParsers.OneOf(name, description, required: false, "sqlite", "qdrant");
}
