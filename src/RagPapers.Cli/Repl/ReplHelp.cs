namespace RagPapers.Cli.Repl;

internal static class ReplHelp
{
    public static void Write(TextWriter output)
    {
        output.WriteLine("Type a question to get an answer with numbered citations. Follow-ups such as");
        output.WriteLine("\"and the second one?\" or \"which of those uses video?\" refer to the last answer.");
        output.WriteLine();
        output.WriteLine("  /sources     the last answer's sources with ids, dates, files and quotes");
        output.WriteLine("  /paper N     the whole paper of source N (or /paper ID)");
        output.WriteLine("  /similar N   papers similar to source N (or /similar ID)");
        output.WriteLine("  /writer W    who writes answers: extractive (quotes) or llm (chat model); no W shows it");
        output.WriteLine("  /status      the semantic index: vectors computed so far, or complete");
        output.WriteLine("  /reset       start a new conversation");
        output.WriteLine("  /help        this help");
        output.WriteLine("  /quit        leave (end of input does too)");
        output.WriteLine();
        output.WriteLine("Ctrl-C cancels the answer being written, not the session.");
    }
}
