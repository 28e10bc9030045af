using RagPapers.Answering;
using RagPapers.Cli.Rendering;
using RagPapers.Storage;

namespace RagPapers.Cli.Repl;

/// <summary>
/// The chat loop: a line is a question unless it starts with '/'. Ctrl-C cancels the answer being
/// written and returns to the prompt; the session ends with /quit or end of input.
/// </summary>
internal sealed class ChatRepl(PaperAssistant assistant, IPaperIndex index, TextReader input, TextWriter output)
{
    private Conversation _conversation = new();
    private Answer? _last;
    private CancellationTokenSource? _answering;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            var count = await index.CountPapersAsync(cancellationToken);
            output.WriteLine($"RagPapers: {count} papers. Ask a question, or /help. Ctrl-C cancels an answer; /quit leaves.");
            while (true)
            {
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
            var answer = await assistant.AskAsync(question, _conversation, cancellationToken: answering.Token);
            if (answer.Status == AnswerStatus.Cancelled)
            {
                output.WriteLine("(cancelled)");
                return;
            }

            _last = answer;
            AnswerRenderer.Write(output, answer);
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
            default:
                output.WriteLine($"Unknown command {parts[0]}; /help lists the commands.");
                break;
        }

        return true;
    }

    private void WriteSources()
    {
        if (_last is null || _last.Citations.Count == 0)
        {
            output.WriteLine("No sources yet: ask a question first.");
            return;
        }

        AnswerRenderer.WriteSources(output, _last);
    }

    private async Task ShowPaperAsync(string argument, CancellationToken cancellationToken)
    {
        var paperId = ResolvePaperId(argument);
        if (paperId is null)
        {
            return;
        }

        var paper = await index.GetPaperAsync(paperId, cancellationToken);
        if (paper is null)
        {
            output.WriteLine($"No paper with id {paperId}.");
            return;
        }

        PaperRenderer.Write(output, paper);
    }

    private async Task ShowSimilarAsync(string argument, CancellationToken cancellationToken)
    {
        var paperId = ResolvePaperId(argument);
        if (paperId is null)
        {
            return;
        }

        var similar = await assistant.SimilarAsync(paperId, 5, cancellationToken);
        if (similar.Count == 0)
        {
            output.WriteLine("No similar papers found.");
            return;
        }

        SearchRenderer.WritePapers(output, similar);
    }

    /// <summary>"/paper 2" names source 2 of the last answer; anything else is taken as a paper id.</summary>
    private string? ResolvePaperId(string argument)
    {
        if (argument.Length == 0)
        {
            output.WriteLine("Name a source number from the last answer, e.g. /paper 1.");
            return null;
        }

        if (!int.TryParse(argument.TrimStart('[').TrimEnd(']'), out var n))
        {
            return argument;
        }

        var citation = _last?.Citations.FirstOrDefault(c => c.N == n);
        if (citation is null)
        {
            output.WriteLine(_last is null ? "Ask a question first." : $"The last answer has no source {n}; /sources lists them.");
            return null;
        }

        return citation.PaperId;
    }
}
