using System.CommandLine;
using RagPapers.Cli.Commands;
using RagPapers.Cli.Terminal;

namespace RagPapers.Cli.Hosting;

internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var root = new RootCommand("RagPapers: ask a collection of research papers and get answers with numbered citations. Without a command, opens the chat.")
        {
            GlobalOptions.Store,
            IngestCommand.Create(),
            AskCommand.Create(),
            SearchCommand.Create(),
            PapersCommand.Create(),
            ReindexCommand.Create(),
            DiscordCommand.Create(),
            EvalCommand.Create(),
        };
        root.SetAction(ChatCommand.RunAsync);
        return root;
    }

    /// <summary>Parses and runs; a bad command line is exit code 2 with the parser's message on stderr.</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var errors = ConsoleView.ForStandardError();
            foreach (var error in parse.Errors)
            {
                errors.Line("error: " + UsageErrors.Explain(error.Message, args), Tone.Error);
            }

            errors.Line("Run 'ragpapers --help' for usage.", Tone.Notice);
            return ExitCodes.Usage;
        }

        // Ctrl-C and SIGTERM cancel the token every command runs under (exit 130); the chat intercepts Ctrl-C to
        // cancel one answer instead. System.CommandLine's own handling is off: it would end the process at once.
        using var signals = InterruptSignals.Install();
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
    }
}
