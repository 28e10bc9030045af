using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// BibTeX grammar: @type{key, name = value, …} with {…} or (…) around the entry, values in braces, quotes, bare
/// numbers or macros, joined with '#'. Text between entries is ignored, as BibTeX does. A malformed entry is
/// reported and parsing resumes at the next entry; an entry still open at the end of the text ends parsing.
/// </summary>
internal sealed class BibTexParser(TextReader reader)
{
    private static readonly HashSet<string> NonEntries = new(StringComparer.OrdinalIgnoreCase) { "comment", "string", "preamble" };

    private readonly BibTexCursor _cursor = new(reader);

    public IEnumerable<BibTexItem> Parse()
    {
        while (SeekEntry())
        {
            var line = _cursor.Line;
            _cursor.Advance(); // '@'
            var type = _cursor.ReadName();
            _cursor.SkipWhitespace();
            if (type.Length == 0 || _cursor.AtEnd || _cursor.Current is not ('{' or '('))
            {
                continue; // an '@' in free text ("me@example.org") opens nothing
            }

            var close = _cursor.Current == '{' ? '}' : ')';
            if (NonEntries.Contains(type))
            {
                if (!_cursor.SkipBalanced(_cursor.Current, close))
                {
                    yield return Unterminated(line, "@" + type);
                    yield break;
                }

                continue;
            }

            _cursor.Advance();
            var item = ParseBody(type, line, close);
            yield return item;
            if (item.Entry is null && _cursor.AtEnd)
            {
                yield break;
            }
        }
    }

    private bool SeekEntry()
    {
        while (!_cursor.AtEnd && _cursor.Current != '@')
        {
            if (_cursor.Current == '%' && _cursor.AtLineStart)
            {
                _cursor.SkipLine();
                continue;
            }

            _cursor.Advance();
        }

        return !_cursor.AtEnd;
    }

    private BibTexItem ParseBody(string type, int line, char close)
    {
        _cursor.SkipWhitespace();
        var key = _cursor.ReadKey(close);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        _cursor.SkipWhitespace();
        while (true)
        {
            if (_cursor.AtEnd)
            {
                return Unterminated(line, key);
            }

            if (_cursor.Current == close)
            {
                _cursor.Advance();
                return new BibTexItem(line, new BibTexEntry(type.ToLowerInvariant(), key, line, fields), null);
            }

            if (_cursor.Current == '@' && _cursor.AtLineStart)
            {
                return new BibTexItem(line, null, $"entry \"{key}\" is not closed before the next entry at line {_cursor.Line}");
            }

            var problem = _cursor.Current == ',' ? ParseField(fields) : $"unexpected '{_cursor.Current}'";
            if (problem is not null)
            {
                return _cursor.AtEnd ? Unterminated(line, key) : Malformed(line, key, $"{problem} at line {_cursor.Line}");
            }
        }
    }

    // At the ',' before a field (or a trailing comma before the closing delimiter); null on success.
    private string? ParseField(Dictionary<string, string> fields)
    {
        _cursor.Advance();
        _cursor.SkipWhitespace();
        if (_cursor.AtEnd || !(char.IsLetter(_cursor.Current) || _cursor.Current == '_'))
        {
            return _cursor.AtEnd || _cursor.Current is '}' or ')' or '@' ? null : "field name expected";
        }

        var name = _cursor.ReadName();
        _cursor.SkipWhitespace();
        if (_cursor.AtEnd || _cursor.Current != '=')
        {
            return "'=' expected";
        }

        _cursor.Advance();
        var value = ReadValue();
        if (value is null)
        {
            return "value expected";
        }

        fields.TryAdd(name, value);
        _cursor.SkipWhitespace();
        return null;
    }

    private string? ReadValue()
    {
        var value = new StringBuilder();
        while (true)
        {
            _cursor.SkipWhitespace();
            var part = _cursor.AtEnd ? null
                : _cursor.Current is '{' or '"' ? _cursor.ReadDelimited()
                : char.IsLetterOrDigit(_cursor.Current) ? _cursor.ReadName()
                : null;
            if (part is null)
            {
                return null;
            }

            value.Append(part);
            _cursor.SkipWhitespace();
            if (_cursor.AtEnd || _cursor.Current != '#')
            {
                return value.ToString();
            }

            _cursor.Advance();
        }
    }

    private BibTexItem Malformed(int line, string key, string problem)
    {
        // Resume at the next entry that starts a line, so one typo costs one entry.
        while (!_cursor.AtEnd && !(_cursor.Current == '@' && _cursor.AtLineStart))
        {
            _cursor.Advance();
        }

        return new BibTexItem(line, null, $"entry \"{key}\" is malformed: {problem}");
    }

    private static BibTexItem Unterminated(int line, string what) =>
        new(line, null, $"entry \"{what}\" starting at line {line} is never closed; reading stops here");
}
