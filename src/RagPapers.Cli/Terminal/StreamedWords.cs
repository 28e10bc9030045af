using System.Text;
using System.Text.RegularExpressions;

namespace RagPapers.Cli.Terminal;

/// <summary>
/// Streamed text wrapped as it arrives: a word is held until the space after it shows it is whole, then goes on the
/// current line or the next. Citation marks are coloured like in a whole answer.
/// </summary>
internal sealed partial class StreamedWords(ConsoleView view)
{
    private readonly StringBuilder _word = new();
    private int _column;
    private bool _spacePending;
    private bool _written;

    public void Append(string delta)
    {
        foreach (var c in delta)
        {
            if (c is ' ' or '\n')
            {
                FlushWord();
                _spacePending = c == ' ' && _column > 0;
                if (c == '\n')
                {
                    view.Line();
                    _column = 0;
                }

                continue;
            }

            _word.Append(c);
        }

        if (view.Width is null)
        {
            FlushWord(); // nothing to decide: show the text at once
        }

        view.Writer.Flush();
    }

    public void End()
    {
        FlushWord();
        if (_written && _column > 0)
        {
            view.Line();
        }

        (_column, _spacePending, _written) = (0, false, false);
    }

    private void FlushWord()
    {
        if (_word.Length == 0)
        {
            return;
        }

        var word = _word.ToString();
        _word.Clear();
        if (view.Width is { } width && _column > 0 && _column + 1 + word.Length > width)
        {
            view.Line();
            (_column, _spacePending) = (0, false);
        }

        if (_spacePending)
        {
            view.WritePieces([" "]);
            _column++;
            _spacePending = false;
        }

        view.WritePieces([new StyledText(word, CitationMark().IsMatch(word) ? Tone.Citation : Tone.Plain)]);
        _column += word.Length;
        _written = true;
    }

    [GeneratedRegex(@"^\[\d+(?:[,\u2013-]\s*\d+)*\][.,;:]?$")]
    private static partial Regex CitationMark();
}
