namespace RagPapers.Text;

/// <summary>
/// The scanner behind <see cref="DisplayText"/>: one pass over the source, each construct replaced by what it prints,
/// every output character keeping the source range it came from. Conservative where plain text may look like
/// markup: a lone "$5" stays, "~141K" (about) and "1M~60M" (a range) keep their tilde, a brace group is dropped
/// only when it is clearly LaTeX grouping.
/// </summary>
internal sealed partial class LatexDisplayCleaner
{
    private const int MaxMathLength = 300;

    private readonly string _s;
    private readonly MappedText.Builder _out;
    private readonly Stack<Closing> _groups = new();
    private int _i;
    private bool _inMath;
    private bool _argumentNext;
    private bool _quoteOpen;

    private LatexDisplayCleaner(string source)
    {
        _s = source;
        _out = new MappedText.Builder(source.Length);
    }

    private enum Closing
    {
        Keep,
        Drop,
        Parenthesis,
    }

    public static MappedText Clean(string source)
    {
        var cleaner = new LatexDisplayCleaner(source);
        while (cleaner._i < source.Length)
        {
            cleaner.Step();
        }

        return cleaner._out.Build();
    }

    private char? At(int index) => index < _s.Length ? _s[index] : null;

    private void Emit(char c, int start, int end)
    {
        _out.Append(c, start, end);
        _i = end;
    }

    private void Emit(string text, int start, int end)
    {
        _out.Append(text, start, end);
        _i = end;
    }

    private void Step()
    {
        var c = _s[_i];
        var next = At(_i + 1);
        if (c != '{')
        {
            _argumentNext = false;
        }

        switch (c)
        {
            case '\\':
                Command();
                break;
            case '$':
                Math();
                break;
            case '~':
                Emit(IsTie() ? ' ' : '~', _i, _i + 1);
                break;
            case '{':
                Open();
                break;
            case '}':
                Close();
                break;
            case '^' or '_' when next == '{':
                Script();
                break;
            case '`' when next == '`':
                _quoteOpen = true;
                Emit('\u201c', _i, _i + 2);
                break;
            case '\'' when next == '\'' && _quoteOpen:
                _quoteOpen = false;
                Emit('\u201d', _i, _i + 2);
                break;
            case '-' when next == '-':
                Dash();
                break;
            default:
                Emit(c, _i, _i + 1);
                break;
        }
    }

    // "~" is a tie (a space that does not break) between two words: "wav2vec~2.0", "to~10\%". Before a word it means
    // "about" ("~141K"), and between numbers a range ("1M~60M"); both keep it.
    private bool IsTie()
    {
        if (_inMath)
        {
            return true;
        }

        if (_i == 0 || char.IsWhiteSpace(_s[_i - 1]) || At(_i + 1) is not { } next || char.IsWhiteSpace(next))
        {
            return false;
        }

        var wordStart = _i - 1;
        while (wordStart > 0 && !char.IsWhiteSpace(_s[wordStart - 1]))
        {
            wordStart--;
        }

        return !(char.IsAsciiDigit(_s[wordStart]) && char.IsAsciiDigit(next));
    }

    // "---" is an em dash; "--" an en dash between spaced words or between numbers ("pages 3--5"), else left alone.
    private void Dash()
    {
        if (At(_i + 2) == '-')
        {
            Emit('\u2014', _i, _i + 3);
            return;
        }

        var before = _i > 0 ? _s[_i - 1] : ' ';
        var after = At(_i + 2) ?? ' ';
        var spaced = before == ' ' && after == ' ';
        var numbers = char.IsAsciiDigit(before) && char.IsAsciiDigit(after);
        Emit(spaced || numbers ? "\u2013" : "--", _i, _i + 2);
    }
}
