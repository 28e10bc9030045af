using RagPapers.Answering.Assistant;
using RagPapers.Cli.Rendering;
using RagPapers.Papers;

namespace RagPapers.Cli.Repl;

/// <summary>The slash commands that look things up or change a setting of the session.</summary>
internal sealed partial class ChatRepl
{
    private void SwitchWriter(string argument)
    {
        if (argument.Length == 0)
        {
            output.Line($"Answers are written by {_writer}; available: {string.Join(", ", assistant.Writers.Names)}.");
        }
        else if (assistant.Writers.Contains(argument))
        {
            _writer = assistant.Writers.Get(argument).Name;
            output.Line($"Answers are now written by {_writer}.");
        }
        else
        {
            output.Line(assistant.Writers.Unavailable(argument));
        }
    }

    private void WriteSources()
    {
        if (_last is null || _last.Citations.Count == 0)
        {
            output.Line("No sources yet: ask a question first.");
            return;
        }

        AnswerRenderer.WriteSources(output, _last);
    }

    private async Task ShowPaperAsync(string argument, CancellationToken cancellationToken)
    {
        if (await ResolvePaperAsync(argument, cancellationToken) is { } paper)
        {
            PaperRenderer.Write(output, paper);
        }
    }

    private async Task ShowSimilarAsync(string argument, CancellationToken cancellationToken)
    {
        if (await ResolvePaperAsync(argument, cancellationToken) is not { } paper)
        {
            return;
        }

        var similar = await assistant.SimilarAsync(paper.Id, 5, cancellationToken);
        if (similar.Count == 0)
        {
            output.Line("No similar papers found.");
            return;
        }

        SearchRenderer.WritePapers(output, similar);
    }

    /// <summary>
    /// "/paper 2" names source 2 of the last answer; anything else is a paper id, an arXiv id or a title, resolved as
    /// Discord and the HTTP API resolve them. Says why when nothing matches.
    /// </summary>
    private async Task<Paper?> ResolvePaperAsync(string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0)
        {
            output.Line("Name a source number from the last answer (/paper 1), a paper or arXiv id, or a title.");
            return null;
        }

        var paper = await references.FindAsync(argument, _last, cancellationToken);
        if (paper is not null)
        {
            return paper;
        }

        if (PaperReferenceResolver.IsSourceNumber(argument, out var n))
        {
            output.Line(_last is null ? "Ask a question first." : $"The last answer has no source {n}; /sources lists them.");
        }
        else
        {
            output.Line($"No paper matches '{argument}' (by id, arXiv id or title).");
        }

        return null;
    }
}
