using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Cli.Rendering;
using RagPapers.Hosting;

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
        var command = new Command("ingest", "Add or update papers from collection files; unchanged papers are skipped.") { paths };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (services, token) =>
        {
            var library = services.GetRequiredService<PaperLibrary>();
            var files = library.ResolveFiles(parse.GetValue(paths)!.Select(Path.GetFullPath));
            var summary = await CollectionLoader.IngestWithProgressAsync(library, files, "Ingesting", token);
            IngestSummaryRenderer.Write(Rendering.Terminal.ConsoleView.ForStandardOutput(), summary, files.Count);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
