using System.Globalization;
using RagPapers.Cli.Terminal;

namespace RagPapers.Cli.Repl;

/// <summary>The semantic index as the chat shows it: a banner while it is built, one line when it completes, and /status.</summary>
internal sealed partial class ChatRepl
{
    private bool _reportedIncomplete;
    private int _shownEmbedded = -1;

    private void WriteSemanticIndexBanner()
    {
        var status = indexer.Status;
        if (status.IsComplete)
        {
            return;
        }

        _reportedIncomplete = true;
        _shownEmbedded = status.Embedded;
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"({status.Counts}: the vectors are being computed in the background; until they are done, answers come from keyword search alone)"), Tone.Notice);
    }

    /// <summary>
    /// Before a prompt: while the index is built, its progress when it moved since last shown ("semantic index
    /// 212/516"); then the one line that says it has completed.
    /// </summary>
    private void WriteSemanticIndexChange()
    {
        var status = indexer.Status;
        if (_reportedIncomplete && status.IsComplete)
        {
            _reportedIncomplete = false;
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"(semantic index complete: {status.Total}/{status.Total}; answers now combine keyword and semantic search)"), Tone.Notice);
        }
        else if (!status.IsComplete)
        {
            _reportedIncomplete = true; // papers added since (or vectors dropped): say when it completes again
            if (status.Embedded != _shownEmbedded)
            {
                _shownEmbedded = status.Embedded;
                output.Line($"({status.Counts})", Tone.Notice);
            }
        }
    }

    private void WriteSemanticIndexStatus()
    {
        var status = indexer.Status;
        _shownEmbedded = status.Embedded;
        if (!status.Deferred)
        {
            output.Line("The store takes its vectors during ingestion: keyword and semantic search are both on.", Tone.Notice);
            return;
        }

        output.Line(status.IsComplete
            ? string.Create(CultureInfo.InvariantCulture, $"{status.Counts}: complete; answers combine keyword and semantic search.")
            : string.Create(CultureInfo.InvariantCulture, $"{status.Counts}: being computed; answers come from keyword search alone until it completes."), Tone.Notice);
        if (status.Problem is { } problem)
        {
            output.Line($"The background indexer is waiting: {problem}", Tone.Notice);
        }
    }
}
