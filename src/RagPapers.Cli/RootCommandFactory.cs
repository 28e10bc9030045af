using System.CommandLine;
using RagPapers.Cli.Commands;
using RagPapers.Cli.Rendering.Terminal;

namespace RagPapers.Cli;

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

        // The REPL handles Ctrl-C itself (cancel one answer, keep the session); a one-shot command simply ends.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
