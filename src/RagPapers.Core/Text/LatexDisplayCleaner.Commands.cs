using RagPapers.Papers;

namespace RagPapers.Text;

/// <summary>Control sequences, brace groups and math.</summary>
internal sealed partial class LatexDisplayCleaner
{
    private static readonly System.Buffers.SearchValues<char> WordGroupCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -");

    private static readonly Dictionary<string, string> Letters = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "i", ["j"] = "j",
    };

    private void Command()
    {
        var start = _i;
        if (At(start + 1) is not { } n)
        {
            Emit('\\', start, start + 1);
            return;
        }

        if (n is '%' or '&' or '_' or '#' or '$' or '{' or '}' or ',' or ';' or '!')
        {
            Emit(n is ',' or ';' or '!' ? ' ' : n, start, start + 2); // "\%", and the thin spaces "\," of math
        }
        else if (n is '\\' or ' ')
        {
            Emit(' ', start, start + 2);
        }
        else if (LatexAccents.IsSymbolAccent(n))
        {
            Accent(start, start + 2, n);
        }
        else if (char.IsAsciiLetter(n))
        {
            var end = start + 1;
            while (end < _s.Length && char.IsAsciiLetter(_s[end]))
            {
                end++;
            }

            Named(start, _s[(start + 1)..end], end);
        }
        else
        {
            Emit('\\', start, start + 1);
        }
    }

    private void Named(int start, string name, int end)
    {
        if (LatexAccents.IsLetterAccent(name) && At(end) is '{' or ' ')
        {
            Accent(start, end, name[0]);
        }
        else if (Letters.TryGetValue(name, out var letter))
        {
            Emit(letter, start, SkipSpaces(end)); // "Stra\ss e": the space only ends the control word
        }
        else if (LatexSymbols.TryGetSymbol(name, out var symbol))
        {
            Emit(symbol, start, end);
        }
        else if (LatexSymbols.IsSwitch(name))
        {
            Emit("", start, At(end) == ' ' ? end + 1 : end);
        }
        else if (LatexSymbols.IsSilent(name) && At(end) == '{' && FlatGroupClose(end) is { } silentEnd)
        {
            Emit("", start, silentEnd + 1);
        }
        else if (LatexSymbols.TakesSettingThenText(name) && SkipSetting(end) is { } textStart)
        {
            Emit("", start, textStart);
            _argumentNext = At(textStart) == '{';
        }
        else if (At(end) == '{')
        {
            Emit("", start, end); // \emph{…}, \mathcal{B}: the argument stays as ordinary text
            _argumentNext = true;
        }
        else
        {
            Emit(name, start, end); // an unknown symbol such as \squad reads better as its name than as nothing
        }
    }

    // At the character after an accent command: the accented letter, with "{e}" or " e" around it.
    private void Accent(int start, int afterCommand, char accent)
    {
        var p = afterCommand;
        var braced = At(p) == '{';
        while (At(p) is '{' or ' ')
        {
            p++;
        }

        if (At(p) == '\\' && At(p + 1) is 'i' or 'j')
        {
            p++; // the dotless i of "\'{\i}"
        }

        if (At(p) is not { } letter || !char.IsAsciiLetter(letter))
        {
            Emit(accent is '\'' or '"' or '`' or '~' or '^' ? accent : ' ', start, afterCommand);
            return;
        }

        var end = p + 1;
        if (braced && At(end) == '}')
        {
            end++;
        }

        Emit(LatexAccents.Compose(accent, letter), start, end);
    }

    private void Open()
    {
        var drop = _argumentNext || _inMath || At(_i + 1) == '\\' || IsWordGroup();
        _argumentNext = false;
        _groups.Push(drop ? Closing.Drop : Closing.Keep);
        Emit(drop ? "" : "{", _i, _i + 1);
    }

    private void Close()
    {
        var closing = _groups.Count == 0 ? Closing.Keep : _groups.Pop();
        Emit(closing switch { Closing.Keep => "}", Closing.Parenthesis => ")", _ => "" }, _i, _i + 1);
    }

    // "x^{2}" is "x^2", "R^{C-1}" is "R^(C-1)": the exponent stays readable without its braces.
    private void Script()
    {
        var close = FlatGroupClose(_i + 1);
        if (close is null)
        {
            Emit(_s[_i], _i, _i + 1);
            return;
        }

        var single = close.Value - (_i + 2) == 1;
        _out.Append(_s[_i], _i, _i + 1);
        _groups.Push(single ? Closing.Drop : Closing.Parenthesis);
        Emit(single ? "" : "(", _i + 1, _i + 2);
    }

    // "$\alpha$" is α: the dollars of a span that looks like math go, its commands become symbols. A "$" with no
    // partner, or around plain words ("costs $5 and $6"), is a dollar.
    private void Math()
    {
        var width = At(_i + 1) == '$' ? 2 : 1;
        if (_inMath)
        {
            _inMath = false;
            Emit("", _i, _i + width);
            return;
        }

        var close = _s.IndexOf('$', _i + width);
        while (close > 0 && _s[close - 1] == '\\')
        {
            close = _s.IndexOf('$', close + 1);
        }

        var content = close < 0 || close - _i > MaxMathLength ? null : _s[(_i + width)..close];
        if (content is null || (content.AsSpan().IndexOfAny('\\', '^', '_') < 0 && content.IndexOf('{', StringComparison.Ordinal) < 0 && content.Trim().Length > 2))
        {
            Emit('$', _i, _i + 1);
            return;
        }

        _inMath = true;
        Emit("", _i, _i + width);
    }

    // "{naive samples}" after a space: braces that only kept words together (BibTeX style); "{1, 2}" is a set.
    private bool IsWordGroup()
    {
        if (FlatGroupClose(_i) is not { } close || _out.Last is not (null or ' ' or '(' or '"' or '\u201c') || !char.IsLetter(_s[_i + 1]))
        {
            return false;
        }

        return !_s.AsSpan(_i + 1, close - _i - 1).ContainsAnyExcept(WordGroupCharacters);
    }

    /// <summary>The index of the "}" closing the group opened at <paramref name="open"/> when it holds no other group.</summary>
    private int? FlatGroupClose(int open)
    {
        for (var p = open + 1; p < _s.Length; p++)
        {
            if (_s[p] == '}')
            {
                return p;
            }

            if (_s[p] == '{')
            {
                return null;
            }
        }

        return null;
    }

    private int SkipSpaces(int p)
    {
        while (At(p) == ' ')
        {
            p++;
        }

        return p;
    }

    // After \textcolor: "[rgb]{1, 0, 0}" is skipped, and the index of the text argument is returned.
    private int? SkipSetting(int p)
    {
        if (At(p) == '[')
        {
            var bracket = _s.IndexOf(']', p);
            if (bracket < 0)
            {
                return null;
            }

            p = bracket + 1;
        }

        return At(p) == '{' && FlatGroupClose(p) is { } end ? end + 1 : null;
    }
}
