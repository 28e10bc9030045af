using RagPapers.Cli.Rendering;

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
        var paperId = ResolvePaperId(argument);
        if (paperId is null)
        {
            return;
        }

        var paper = await index.GetPaperAsync(paperId, cancellationToken);
        if (paper is null)
        {
            output.Line($"No paper with id {paperId}.");
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
            output.Line("No similar papers found.");
            return;
        }

        SearchRenderer.WritePapers(output, similar);
    }

    /// <summary>"/paper 2" names source 2 of the last answer; anything else is taken as a paper id.</summary>
    private string? ResolvePaperId(string argument)
    {
        if (argument.Length == 0)
        {
            output.Line("Name a source number from the last answer, e.g. /paper 1.");
            return null;
        }

        if (!int.TryParse(argument.TrimStart('[').TrimEnd(']'), out var n))
        {
            return argument;
        }

        var citation = _last?.Citations.FirstOrDefault(c => c.N == n);
        if (citation is null)
        {
            output.Line(_last is null ? "Ask a question first." : $"The last answer has no source {n}; /sources lists them.");
            return null;
        }

        return citation.PaperId;
    }
}
