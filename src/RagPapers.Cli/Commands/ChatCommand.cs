using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering;
using RagPapers.Cli.Repl;
using RagPapers.Storage;

namespace RagPapers.Cli.Commands;

/// <summary>The root command's action: the chat REPL on stdin/stdout.</summary>
internal static class ChatCommand
{
    public static Task<int> RunAsync(System.CommandLine.ParseResult parse, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(parse, async (services, token) =>
        {
            await CollectionLoader.EnsureLoadedAsync(services, token);
            var repl = new ChatRepl(
                services.GetRequiredService<PaperAssistant>(),
                services.GetRequiredService<IPaperIndex>(),
                Console.In,
                Rendering.Terminal.ConsoleView.ForStandardOutput());
            return await repl.RunAsync(token);
        }, cancellationToken);
}
