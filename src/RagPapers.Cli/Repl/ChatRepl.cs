using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Cli.Rendering;
using RagPapers.Cli.Terminal;
using RagPapers.Conversations;
using RagPapers.Indexing;
using RagPapers.Storage;

namespace RagPapers.Cli.Repl;

/// <summary>
/// The chat loop: a line is a question unless it starts with '/'. Ctrl-C cancels the answer being
/// written and returns to the prompt; the session ends with /quit, end of input (Ctrl-D) or a second Ctrl-C at
/// the prompt (exit 130). While the semantic index is built in the background, answers say they come from keyword
/// search, and the line before the first prompt after it completes says so.
/// </summary>
internal sealed partial class ChatRepl(PaperAssistant assistant, IPaperIndex index, PaperReferenceResolver references, SemanticIndexer indexer, TextReader input, ConsoleView output, TimeProvider time)
{
    // One user, one conversation at a time: the shared store, holding one and never expiring it (/reset forgets it).
    private const string Session = "repl";
    private readonly ConversationStore _conversations = new(new ConversationLimits(1, Timeout.InfiniteTimeSpan), time);
    private Answer? _last;
    private string _writer = assistant.Writers.Default.Name;
    private CancellationTokenSource? _answering;
    private volatile bool _leaveOnNextInterrupt;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var interrupts = InterruptSignals.Intercept(OnInterrupt);
        var count = await index.CountPapersAsync(cancellationToken);
        output.Line($"RagPapers: {count} papers. Ask a question, or /help. Ctrl-C cancels an answer; /quit leaves.", Tone.Heading);
        WriteSemanticIndexBanner();
        while (true)
        {
            WriteSemanticIndexChange();
            output.Write("> ", Tone.Prompt);
            var line = await input.ReadLineAsync(cancellationToken);
            _leaveOnNextInterrupt = false;
            if (line is null)
            {
                return ExitCodes.Ok;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('/'))
            {
                if (!await RunCommandAsync(line, cancellationToken))
                {
                    return ExitCodes.Ok;
                }

                continue;
            }

            await AnswerAsync(line, cancellationToken);
        }
    }

    /// <summary>Ctrl-C: cancels the answer in flight, else warns once; true while the session should go on.</summary>
    private bool OnInterrupt()
    {
        if (_answering is { } answering)
        {
            answering.Cancel(); // the session survives; only the answer in flight stops
            return true;
        }

        if (_leaveOnNextInterrupt)
        {
            return false;
        }

        _leaveOnNextInterrupt = true;
        output.Line();
        output.Line("(nothing to cancel; Ctrl-C again, Ctrl-D or /quit leaves)", Tone.Notice);
        output.Write("> ", Tone.Prompt);
        return true;
    }

    private async Task AnswerAsync(string question, CancellationToken cancellationToken)
    {
        using var answering = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _answering = answering;
        try
        {
            // Every writer goes through the streaming path: the llm writer prints tokens as they come, the
            // extractive one yields its whole answer at once.
            // Never contended (one user): acquired without the token, so a Ctrl-C still ends in a "cancelled" answer.
            using var lease = await _conversations.AcquireAsync(Session, CancellationToken.None);
            var updates = assistant.AskStreamingAsync(question, lease.Conversation, writer: _writer, cancellationToken: answering.Token);
            var answer = await StreamingAnswerPrinter.PrintAsync(output, updates);
            if (answer.Status != AnswerStatus.Cancelled)
            {
                _last = answer;
            }
        }
        catch (RagPapers.Embeddings.EmbeddingServiceException ex)
        {
            output.Line("error: " + ex.Message, Tone.Error); // the session survives an embeddings endpoint that is down
        }
        finally
        {
            _answering = null;
        }
    }

    private async Task<bool> RunCommandAsync(string line, CancellationToken cancellationToken)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var argument = parts.Length > 1 ? parts[1] : "";
        switch (parts[0].ToLowerInvariant())
        {
            case "/quit" or "/exit":
                return false;
            case "/help":
                ReplHelp.Write(output);
                break;
            case "/reset":
                _conversations.Forget(Session);
                _last = null;
                output.Line("New conversation.");
                break;
            case "/sources":
                WriteSources();
                break;
            case "/paper":
                await ShowPaperAsync(argument, cancellationToken);
                break;
            case "/similar":
                await ShowSimilarAsync(argument, cancellationToken);
                break;
            case "/writer":
                SwitchWriter(argument);
                break;
            case "/status":
                WriteSemanticIndexStatus();
                break;
            default:
                output.Line($"Unknown command {parts[0]}; /help lists the commands.");
                break;
        }

        return true;
    }
}
