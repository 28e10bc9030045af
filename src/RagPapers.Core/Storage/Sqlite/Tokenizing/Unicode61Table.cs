using System.Globalization;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What FTS5's unicode61 tokenizer (default options: remove_diacritics=1, categories "L* N* Co") does with each code
/// point above ASCII, read from <c>unicode61.txt</c>: whether it starts a token, only continues one (a diacritic) or
/// separates, and what it folds to (0: dropped). The file was probed from the linked SQLite code point by code point,
/// and a test probes again and compares, so this is SQLite's table, not .NET's idea of Unicode (which is newer).
/// </summary>
internal static class Unicode61Table
{
    private static readonly Lazy<(int[] First, int[] Last, byte[] Kinds, int[] Deltas)> Runs = new(Parse);

    /// <summary>The table as checked in: a line "first last kind delta" (hex, hex, A or D, decimal) per run of code points.</summary>
    public static string Text { get; } = ReadResource();

    /// <summary>What the code point (above ASCII) is to the tokenizer, and its fold (0 when the tokenizer drops it).</summary>
    public static (CodePointKind Kind, int Fold) Of(int codePoint)
    {
        var (first, last, kinds, deltas) = Runs.Value;
        var at = Array.BinarySearch(first, codePoint);
        at = at >= 0 ? at : ~at - 1;
        if (at < 0 || codePoint > last[at])
        {
            return (CodePointKind.Separator, 0);
        }

        return ((CodePointKind)kinds[at], codePoint + deltas[at]);
    }

    private static (int[], int[], byte[], int[]) Parse()
    {
        var lines = Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var first = new int[lines.Length];
        var last = new int[lines.Length];
        var kinds = new byte[lines.Length];
        var deltas = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ');
            first[i] = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            last[i] = int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            kinds[i] = (byte)(parts[2] == "A" ? CodePointKind.Alnum : CodePointKind.Diacritic);
            deltas[i] = int.Parse(parts[3], CultureInfo.InvariantCulture);
        }

        return (first, last, kinds, deltas);
    }

    private static string ReadResource()
    {
        using var stream = typeof(Unicode61Table).Assembly.GetManifestResourceStream("RagPapers.Storage.Sqlite.unicode61.txt")
            ?? throw new InvalidOperationException("The unicode61 table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
