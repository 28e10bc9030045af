using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// A position in BibTeX text read from a <see cref="TextReader"/> a block at a time, which knows its 1-based line, with
/// the few token reads the grammar needs. Only the block being read and the token being read are held, never the
/// whole file: a BibTeX export of a million entries is parsed in the memory of one entry.
/// </summary>
internal sealed class BibTexCursor(TextReader reader)
{
    private const int BlockChars = 16 * 1024;

    private readonly char[] _block = new char[BlockChars];
    private int _length;
    private int _position;
    private char _previous = '\n'; // the start of the text counts as the start of a line
    private StringBuilder? _token;

    public int Line { get; private set; } = 1;

    public bool AtEnd => !HasData();

    public char Current => HasData() ? _block[_position] : throw new InvalidOperationException("The BibTeX text has ended.");

    public bool AtLineStart => _previous == '\n';

    public void Advance()
    {
        var c = Current;
        if (c == '\n')
        {
            Line++;
        }

        _token?.Append(c);
        _previous = c;
        _position++;
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
        StartToken();
        while (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '_' or '-' or ':' or '.' or '+' or '/'))
        {
            Advance();
        }

        return EndToken();
    }

    /// <summary>Citation keys: anything up to a comma, whitespace or the entry's closing delimiter.</summary>
    public string ReadKey(char close)
    {
        StartToken();
        while (!AtEnd && Current != ',' && Current != close && !char.IsWhiteSpace(Current))
        {
            Advance();
        }

        return EndToken();
    }

    /// <summary>
    /// Reads a {…} or "…" value starting at the opening delimiter; inner braces nest (and may hold quotes).
    /// Returns the content without the outer delimiters, or null when the text ends first.
    /// </summary>
    public string? ReadDelimited()
    {
        var quoted = Current == '"';
        Advance();
        StartToken();
        var depth = 0;
        while (!AtEnd)
        {
            var c = Current;
            if (depth == 0 && (quoted ? c == '"' : c == '}'))
            {
                var content = EndToken();
                Advance();
                return content;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            Advance();
        }

        EndToken();
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

    private void StartToken() => _token = new StringBuilder();

    private string EndToken()
    {
        var text = _token!.ToString();
        _token = null;
        return text;
    }

    private bool HasData()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = reader.Read(_block, 0, BlockChars);
        _position = 0;
        return _length > 0;
    }
}
