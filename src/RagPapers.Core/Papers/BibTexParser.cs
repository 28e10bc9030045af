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

    private readonly BibTexCursor cursor = new(reader);

    public IEnumerable<BibTexItem> Parse()
    {
        while (SeekEntry())
        {
            var line = cursor.Line;
            cursor.Advance(); // '@'
            var type = cursor.ReadName();
            cursor.SkipWhitespace();
            if (type.Length == 0 || cursor.AtEnd || cursor.Current is not ('{' or '('))
            {
                continue; // an '@' in free text ("me@example.org") opens nothing
            }

            var close = cursor.Current == '{' ? '}' : ')';
            if (NonEntries.Contains(type))
            {
                if (!cursor.SkipBalanced(cursor.Current, close))
                {
                    yield return Unterminated(line, "@" + type);
                    yield break;
                }

                continue;
            }

            cursor.Advance();
            var item = ParseBody(type, line, close);
            yield return item;
            if (item.Entry is null && cursor.AtEnd)
            {
                yield break;
            }
        }
    }

    private bool SeekEntry()
    {
        while (!cursor.AtEnd && cursor.Current != '@')
        {
            if (cursor.Current == '%' && cursor.AtLineStart)
            {
                cursor.SkipLine();
                continue;
            }

            cursor.Advance();
        }

        return !cursor.AtEnd;
    }

    private BibTexItem ParseBody(string type, int line, char close)
    {
        cursor.SkipWhitespace();
        var key = cursor.ReadKey(close);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        cursor.SkipWhitespace();
        while (true)
        {
            if (cursor.AtEnd)
            {
                return Unterminated(line, key);
            }

            if (cursor.Current == close)
            {
                cursor.Advance();
                return new BibTexItem(line, new BibTexEntry(type.ToLowerInvariant(), key, line, fields), null);
            }

            if (cursor.Current == '@' && cursor.AtLineStart)
            {
                return new BibTexItem(line, null, $"entry \"{key}\" is not closed before the next entry at line {cursor.Line}");
            }

            var problem = cursor.Current == ',' ? ParseField(fields) : $"unexpected '{cursor.Current}'";
            if (problem is not null)
            {
                return cursor.AtEnd ? Unterminated(line, key) : Malformed(line, key, $"{problem} at line {cursor.Line}");
            }
        }
    }

    // At the ',' before a field (or a trailing comma before the closing delimiter); null on success.
    private string? ParseField(Dictionary<string, string> fields)
    {
        cursor.Advance();
        cursor.SkipWhitespace();
        if (cursor.AtEnd || !(char.IsLetter(cursor.Current) || cursor.Current == '_'))
        {
            return cursor.AtEnd || cursor.Current is '}' or ')' or '@' ? null : "field name expected";
        }

        var name = cursor.ReadName();
        cursor.SkipWhitespace();
        if (cursor.AtEnd || cursor.Current != '=')
        {
            return "'=' expected";
        }

        cursor.Advance();
        var value = ReadValue();
        if (value is null)
        {
            return "value expected";
        }

        fields.TryAdd(name, value);
        cursor.SkipWhitespace();
        return null;
    }

    private string? ReadValue()
    {
        var value = new StringBuilder();
        while (true)
        {
            cursor.SkipWhitespace();
            var part = cursor.AtEnd ? null
                : cursor.Current is '{' or '"' ? cursor.ReadDelimited()
                : char.IsLetterOrDigit(cursor.Current) ? cursor.ReadName()
                : null;
            if (part is null)
            {
                return null;
            }

            value.Append(part);
            cursor.SkipWhitespace();
            if (cursor.AtEnd || cursor.Current != '#')
            {
                return value.ToString();
            }

            cursor.Advance();
        }
    }

    private BibTexItem Malformed(int line, string key, string problem)
    {
        // Resume at the next entry that starts a line, so one typo costs one entry.
        while (!cursor.AtEnd && !(cursor.Current == '@' && cursor.AtLineStart))
        {
            cursor.Advance();
        }

        return new BibTexItem(line, null, $"entry \"{key}\" is malformed: {problem}");
    }

    private static BibTexItem Unterminated(int line, string what) =>
        new(line, null, $"entry \"{what}\" starting at line {line} is never closed; reading stops here");
}
