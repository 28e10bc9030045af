using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// Turns the lines of a daily-papers dump into papers: a title is a title-like line directly followed by an
/// abstract-like one; metadata after the abstract (author count, date) belongs to that paper. A paper is emitted
/// once the next title starts, so its trailing metadata has been seen.
/// </summary>
internal sealed class DailyPapersAssembler(string source, int maxRecordChars)
{
    private (string Text, int Line)? _pendingTitle;
    private (string Title, int Line, StringBuilder Abstract, DateOnly? Published)? _current;

    /// <summary>Whether at least one title followed by an abstract has been seen.</summary>
    public bool SawPaper { get; private set; }

    /// <summary>Takes one raw line (1-based <paramref name="lineNumber"/>); returns the record it completes, if any.</summary>
    public ReadResult? Accept(string rawLine, int lineNumber)
    {
        var line = rawLine.Trim();
        if (line.Length == 0 || DailyPapersLine.IsChrome(line) || DailyPapersLine.IsMetadata(line))
        {
            return null;
        }

        if (DailyPapersLine.IsDate(line, out var published))
        {
            if (_current is { } paper && _pendingTitle is null && published is not null)
            {
                _current = paper with { Published = published };
            }

            return null;
        }

        line = Whitespace.Collapse(DailyPapersLine.StripGluedChrome(line));
        return DailyPapersLine.IsAbstractLike(line) ? AcceptAbstract(line, lineNumber) : AcceptTitle(line, lineNumber);
    }

    /// <summary>Call at the end of the file; returns the last record, if any.</summary>
    public ReadResult? Finish() => _pendingTitle is { } title ? NoAbstract(title) : Flush();

    private ReadResult? AcceptAbstract(string line, int lineNumber)
    {
        if (_pendingTitle is { } title)
        {
            _current = (title.Text, title.Line, new StringBuilder(line), null);
            _pendingTitle = null;
            SawPaper = true;
            return null;
        }

        if (_current is { } paper)
        {
            // A second long line in a row is another paragraph of the same abstract. Past the record limit the rest is
            // dropped: the record is skipped for its length anyway, and memory stays bounded.
            if (paper.Abstract.Length <= maxRecordChars)
            {
                paper.Abstract.Append(' ').Append(line);
            }

            return null;
        }

        return ReadResult.Skip(source, lineNumber, "abstract-like text with no title before it");
    }

    private ReadResult? AcceptTitle(string line, int lineNumber)
    {
        var completed = _pendingTitle is { } orphan ? NoAbstract(orphan) : Flush();
        _pendingTitle = (line, lineNumber);
        return completed;
    }

    private ReadResult? Flush()
    {
        if (_current is not { } paper)
        {
            return null;
        }

        _current = null;
        var result = new Paper(PaperIds.FromTitle(paper.Title), paper.Title, paper.Abstract.ToString(), [], paper.Published, source);
        return ReadResult.Read(result, paper.Line);
    }

    private ReadResult NoAbstract((string Text, int Line) title)
    {
        _pendingTitle = null;
        return ReadResult.Skip(source, title.Line, $"title \"{title.Text}\" is not followed by an abstract");
    }
}
