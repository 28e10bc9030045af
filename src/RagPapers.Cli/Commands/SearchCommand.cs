using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Cli.Rendering;
using RagPapers.Retrieval;

namespace RagPapers.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for, in quotes." };
        var top = new Option<int>("--top") { Description = "How many papers to show (1-100).", DefaultValueFactory = _ => 10, HelpName = "N" };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100)
            {
                r.AddError("--top must be between 1 and 100.");
            }
        });
        var command = new Command("search", "Rank papers for a query (hybrid BM25 + dense) and show the matching passages.")
        {
            query, top, GlobalOptions.Json, FilterOptions.From, FilterOptions.To, FilterOptions.Source, GlobalOptions.NoWait,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (services, token) =>
        {
            await CollectionLoader.EnsureLoadedAsync(services, token);
            await SemanticIndexWaiter.WaitAsync(services, parse.GetValue(GlobalOptions.NoWait), token);
            var retriever = services.GetRequiredService<IPaperRetriever>();
            var request = new RetrievalRequest(parse.GetValue(query) ?? "", parse.GetValue(top), FilterOptions.Read(parse));
            var result = await retriever.RetrieveAsync(request, token);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Console.Out.WriteLine(CliJson.Search(result));
            }
            else
            {
                SearchRenderer.Write(Console.Out, result);
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
