using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Cli.Rendering;
using RagPapers.Cli.Terminal;
using RagPapers.Retrieval;
using RagPapers.Storage;
using RagPapers.Cli.Collection;

namespace RagPapers.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for, in quotes." };
        var top = OptionParsers.WholeNumber("--top", "How many papers to show (1-100).", 1, 100, 10);
        var command = new Command("search", "Rank papers for a query (hybrid BM25 + dense) and show the matching passages.") { query, top, GlobalOptions.Json, GlobalOptions.NoWait };
        foreach (var option in FilterOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => FilterOptions.RangeError(parse) is { } rangeError
            ? Task.FromResult(CommandRunner.Fail(ExitCodes.Usage, rangeError))
            : CommandRunner.RunAsync(parse, (services, token) => SearchAsync(services, parse, parse.GetValue(query) ?? "", parse.GetValue(top), token), ct));
        return command;
    }

    private static async Task<int> SearchAsync(IServiceProvider services, ParseResult parse, string query, int top, CancellationToken token)
    {
        await CollectionLoader.EnsureLoadedAsync(services, token);
        await SemanticIndexWaiter.WaitAsync(services, parse.GetValue(GlobalOptions.NoWait), token);
        var filter = FilterOptions.Read(parse);
        var result = await services.GetRequiredService<IPaperRetriever>().RetrieveAsync(new RetrievalRequest(query, top, filter), token);
        var leftOut = await UndatedPapers.CountExcludedAsync(services.GetRequiredService<IPaperIndex>(), filter, token);
        if (parse.GetValue(GlobalOptions.Json))
        {
            Console.Out.WriteLine(CliJson.Search(result));
            if (leftOut > 0)
            {
                ConsoleView.ForStandardError().Line(FilterText.UndatedLeftOut(leftOut), Tone.Notice);
            }
        }
        else
        {
            var output = ConsoleView.ForStandardOutput();
            if (leftOut > 0)
            {
                output.Line(FilterText.UndatedLeftOut(leftOut), Tone.Notice);
            }

            SearchRenderer.Write(output, result, filter);
        }

        return ExitCodes.Ok;
    }
}
