namespace RagPapers.Papers;

/// <summary>A position in BibTeX text that knows its 1-based line, with the few token reads the grammar needs.</summary>
internal sealed class BibTexCursor(string text)
{
    public int Line { get; private set; } = 1;

    public bool AtEnd => Position >= text.Length;

    public char Current => text[Position];

    public bool AtLineStart => Position == 0 || text[Position - 1] == '\n';

    private int Position { get; set; }

    public void Advance()
    {
        if (text[Position] == '\n')
        {
            Line++;
        }

        Position++;
    }

    public void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            Advance();
        }
    }

    public void SkipLine()
    {
        while (!AtEnd && Current != '\n')
        {
            Advance();
        }
    }

    /// <summary>Entry types, field names, numbers and macros: letters, digits and a few joiners.</summary>
    public string ReadName()
    {
        var start = Position;
        while (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '_' or '-' or ':' or '.' or '+' or '/'))
        {
            Advance();
        }

        return text[start..Position];
    }

    /// <summary>Citation keys: anything up to a comma, whitespace or the entry's closing delimiter.</summary>
    public string ReadKey(char close)
    {
        var start = Position;
        while (!AtEnd && Current != ',' && Current != close && !char.IsWhiteSpace(Current))
        {
            Advance();
        }

        return text[start..Position];
    }

    /// <summary>
    /// Reads a {…} or "…" value starting at the opening delimiter; inner braces nest (and may hold quotes).
    /// Returns the content without the outer delimiters, or null when the text ends first.
    /// </summary>
    public string? ReadDelimited()
    {
        var quoted = Current == '"';
        Advance();
        var start = Position;
        var depth = 0;
        while (!AtEnd)
        {
            var c = Current;
            if (depth == 0 && (quoted ? c == '"' : c == '}'))
            {
                var content = text[start..Position];
                Advance();
                return content;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            Advance();
        }

        return null;
    }

    /// <summary>Skips a balanced {…} or (…) block such as @comment{…}; false when the text ends first.</summary>
    public bool SkipBalanced(char open, char close)
    {
        var depth = 0;
        while (!AtEnd)
        {
            depth += Current == open ? 1 : Current == close ? -1 : 0;
            Advance();
            if (depth == 0)
            {
                return true;
            }
        }

        return false;
    }
}
