using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Assistant;
using RagPapers.Cli.Collection;
using RagPapers.Cli.Repl;
using RagPapers.Indexing;
using RagPapers.Storage;

namespace RagPapers.Cli.Commands;

/// <summary>The root command's action: the chat REPL on stdin/stdout, with the semantic index built in the background.</summary>
internal static class ChatCommand
{
    public static Task<int> RunAsync(System.CommandLine.ParseResult parse, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(parse, async (services, token) =>
        {
            await CollectionLoader.EnsureLoadedAsync(services, token);

            // The prompt comes at once: keyword search answers while the vectors are computed on the thread pool.
            var indexer = services.GetRequiredService<SemanticIndexer>();
            indexer.StartBackground();
            var repl = new ChatRepl(
                services.GetRequiredService<PaperAssistant>(),
                services.GetRequiredService<IPaperIndex>(),
                services.GetRequiredService<PaperReferenceResolver>(),
                indexer,
                Console.In,
                Terminal.ConsoleView.ForStandardOutput(),
                services.GetRequiredService<TimeProvider>());
            return await repl.RunAsync(token);
        }, cancellationToken);
}
