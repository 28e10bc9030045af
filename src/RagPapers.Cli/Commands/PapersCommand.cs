using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Storage;
using RagPapers.Cli.Collection;
using RagPapers.Cli.Terminal;

namespace RagPapers.Cli.Commands;

internal static class PapersCommand
{
    public static Command Create()
    {
        var list = new Option<bool>("--list") { Description = "Also list every paper: id, date, title." };
        var command = new Command("papers", "Count the unique papers in the store (and list them with --list).") { list };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (services, token) =>
        {
            await CollectionLoader.EnsureLoadedAsync(services, token);
            var index = services.GetRequiredService<IPaperIndex>();
            var count = await index.CountPapersAsync(token);
            var chunks = await index.CountChunksAsync(token);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} papers ({chunks} chunks)"));
            if (parse.GetValue(list))
            {
                await foreach (var paper in index.ListPapersAsync(token))
                {
                    Console.Out.WriteLine(TerminalText.Safe($"{paper.Id}\t{paper.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}\t{paper.Title}"));
                }
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
