using RagPapers.Cli.Terminal;

namespace RagPapers.Cli.Repl;

internal static class ReplHelp
{
    public static void Write(ConsoleView output)
    {
        output.Line("Type a question to get an answer with numbered citations. Follow-ups such as");
        output.Line("\"and the second one?\" or \"which of those uses video?\" refer to the last answer.");
        output.Line();
        output.Line("  /sources     the last answer's sources with ids, dates, files and quotes");
        output.Line("  /paper N     the whole paper of source N (or /paper ID)");
        output.Line("  /similar N   papers similar to source N (or /similar ID)");
        output.Line("  /writer W    who writes answers: extractive (quotes) or llm (chat model); no W shows it");
        output.Line("  /status      the semantic index: vectors computed so far, or complete");
        output.Line("  /reset       start a new conversation");
        output.Line("  /help        this help");
        output.Line("  /quit        leave (end of input does too)");
        output.Line();
        output.Line("Ctrl-C cancels the answer being written, not the session.");
    }
}
