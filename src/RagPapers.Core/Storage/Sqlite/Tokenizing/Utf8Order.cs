namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Orders strings as FTS5 orders its terms: by their UTF-8 bytes, which is code point order. Ordinal UTF-16 order
/// differs only where a surrogate pair meets a character from U+E000 to U+FFFF, and is fixed there.
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var common = x.AsSpan().CommonPrefixLength(y);
        return common < x.Length && common < y.Length ? InCodePointOrder(x[common]) - InCodePointOrder(y[common]) : x.Length - y.Length;
    }

    // Surrogates (U+D800–DFFF) stand for code points above U+FFFF: they move above U+E000–FFFF, which move down.
    private static int InCodePointOrder(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
