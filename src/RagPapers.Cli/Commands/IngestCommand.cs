using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Cli.Rendering;
using RagPapers.Ingestion;
using RagPapers.Cli.Collection;

namespace RagPapers.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Collection files or folders (daily-papers text dumps, JSON Lines, BibTeX).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ingest", "Add or update papers from collection files; unchanged papers are skipped. Waits for their vectors unless --no-wait.")
        {
            paths, GlobalOptions.NoWait,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (services, token) =>
        {
            var library = services.GetRequiredService<PaperLibrary>();
            var files = library.ResolveFiles(parse.GetValue(paths)!.Select(Path.GetFullPath));
            var summary = await CollectionLoader.IngestWithProgressAsync(library, files, "Ingesting", token);
            CollectionLoader.ReportReplacedEmbedder(services);
            IngestSummaryRenderer.Write(Terminal.ConsoleView.ForStandardOutput(), summary, files.Count);

            // A finished ingest leaves a complete store (the next command answers with hybrid search at once); with
            // --no-wait the vectors are computed by whatever opens the store next (the chat, the server, ask, search).
            await SemanticIndexWaiter.WaitAsync(services, parse.GetValue(GlobalOptions.NoWait), token);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
