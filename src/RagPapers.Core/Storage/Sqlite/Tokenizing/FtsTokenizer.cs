namespace RagPapers.Storage.Sqlite;

/// <summary>
/// FTS5's <c>tokenize='porter unicode61'</c> (default options) in .NET: the terms an FTS5 index holds for a text, in
/// order. Unicode61 is <see cref="FtsTokens"/>, porter <see cref="FtsPorterStemmer"/>; both are checked against the
/// linked SQLite by the conformance tests, unicode61's table over every code point.
/// </summary>
internal static class FtsTokenizer
{
    /// <summary>The terms of <paramref name="text"/> in order, or null when a token's term cannot be promised exact (<see cref="FtsTerm.Of"/>).</summary>
    public static List<string>? Terms(string text)
    {
        var terms = new List<string>();
        var buffer = new char[64];
        var bytes = new byte[256];
        var tokens = new FtsTokens(text);
        while (tokens.MoveNext(ref buffer, out var length))
        {
            var token = buffer.AsSpan(0, length);
            if (FtsTerm.Of(token, ref bytes) is not { } term)
            {
                return null;
            }

            terms.Add(term);
        }

        return terms;
    }

    /// <summary>Appends the numbers (<paramref name="numbering"/>) of the terms of <paramref name="text"/> in order; false when a token's term cannot be promised exact.</summary>
    public static bool Number(string text, TermNumbering numbering, List<int> numbers, ref char[] buffer)
    {
        var tokens = new FtsTokens(text);
        while (tokens.MoveNext(ref buffer, out var length))
        {
            var number = numbering.Number(buffer.AsSpan(0, length));
            if (number < 0)
            {
                return false;
            }

            numbers.Add(number);
        }

        return true;
    }
}
