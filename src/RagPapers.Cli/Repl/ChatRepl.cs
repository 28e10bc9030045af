using RagPapers.Answering;
using RagPapers.Cli.Rendering;
using RagPapers.Indexing;
using RagPapers.Storage;

namespace RagPapers.Cli.Repl;

/// <summary>
/// The chat loop: a line is a question unless it starts with '/'. Ctrl-C cancels the answer being
/// written and returns to the prompt; the session ends with /quit or end of input. While the semantic
/// index is built in the background, answers say they come from keyword search, and the line before
/// the first prompt after it completes says so.
/// </summary>
internal sealed partial class ChatRepl(PaperAssistant assistant, IPaperIndex index, SemanticIndexer indexer, TextReader input, TextWriter output)
{
    private Conversation _conversation = new();
    private Answer? _last;
    private string _writer = assistant.Writers.Default.Name;
    private CancellationTokenSource? _answering;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            var count = await index.CountPapersAsync(cancellationToken);
            output.WriteLine($"RagPapers: {count} papers. Ask a question, or /help. Ctrl-C cancels an answer; /quit leaves.");
            WriteSemanticIndexBanner();
            while (true)
            {
                WriteSemanticIndexChange();
                output.Write("> ");
                output.Flush();
                var line = await input.ReadLineAsync(cancellationToken);
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
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true; // the session survives; only the answer in flight stops
        var answering = _answering;
        if (answering is null)
        {
            output.WriteLine();
            output.WriteLine("(nothing to cancel; type /quit to leave)");
            output.Write("> ");
            output.Flush();
            return;
        }

        answering.Cancel();
    }

    private async Task AnswerAsync(string question, CancellationToken cancellationToken)
    {
        using var answering = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _answering = answering;
        try
        {
            // Every writer goes through the streaming path: the llm writer prints tokens as they come, the
            // extractive one yields its whole answer at once.
            var updates = assistant.AskStreamingAsync(question, _conversation, writer: _writer, cancellationToken: answering.Token);
            var answer = await StreamingAnswerPrinter.PrintAsync(output, updates);
            if (answer.Status != AnswerStatus.Cancelled)
            {
                _last = answer;
            }
        }
        catch (RagPapers.Embeddings.EmbeddingServiceException ex)
        {
            output.WriteLine("error: " + ex.Message); // the session survives an embeddings endpoint that is down
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
                _conversation = new Conversation();
                _last = null;
                output.WriteLine("New conversation.");
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
                output.WriteLine($"Unknown command {parts[0]}; /help lists the commands.");
                break;
        }

        return true;
    }
}
