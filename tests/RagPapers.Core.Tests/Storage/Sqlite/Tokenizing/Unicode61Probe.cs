using System.Text;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// Learns from the linked SQLite what FTS5's unicode61 tokenizer (default options) does with each code point above
/// ASCII: whether it starts a token (a letter, digit or private-use character: "alnum"), only continues one (a
/// diacritic) or separates, and what it folds to. Each code point is put between two q's ("qXq": continues?) and before
/// one ("Xq": starts?) in a plain unicode61 table, a thousand such units to a row.
/// </summary>
internal static class Unicode61Probe
{
    private const int UnitsPerRow = 1000;

    /// <summary>Every scalar value from U+0080 to U+10FFFF (surrogates have none).</summary>
    public static IEnumerable<int> CodePoints() => Enumerable.Range(0x80, 0x110000 - 0x80).Where(c => c is < 0xD800 or > 0xDFFF);

    /// <summary>The table as <c>Unicode61Table</c> reads it: a line per run of code points of one kind and fold rule.</summary>
    public static string Table(Fts5Probe probe)
    {
        var codePoints = CodePoints().ToArray();
        var between = Tokens(probe, codePoints.Select(c => "q" + char.ConvertFromUtf32(c) + "q"));
        var before = Tokens(probe, codePoints.Select(c => char.ConvertFromUtf32(c) + "q"));
        var kinds = new (char Kind, int Fold)[codePoints.Length];
        int b = 0, s = 0;
        for (var i = 0; i < codePoints.Length; i++)
        {
            var inside = between[b++];
            if (inside == "q")
            {
                // "q" then "q": the code point separates, and before a q it is skipped.
                Expect(between[b++] == "q" && before[s++] == "q", codePoints[i]);
                kinds[i] = ('S', 0);
                continue;
            }

            var folded = inside[1..^1];
            Expect(inside.Length >= 2 && inside[0] == 'q' && inside[^1] == 'q', codePoints[i]);
            var start = before[s++];
            var fold = folded.Length == 0 ? 0 : char.ConvertToUtf32(folded, 0);
            Expect(fold == 0 || char.ConvertFromUtf32(fold) == folded, codePoints[i]);
            kinds[i] = folded.Length > 0 && start == folded + "q" ? ('A', fold) : start == "q" ? ('D', fold) : throw Unexpected(codePoints[i], start);
        }

        // Folded to nothing, a code point that starts tokens and one that only continues them both leave "q" before a q;
        // alone, one that starts a token makes an empty one.
        var vanishing = Enumerable.Range(0, codePoints.Length).Where(i => kinds[i] is ('D', 0)).ToArray();
        var alone = probe.Terms([.. vanishing.Select(i => char.ConvertFromUtf32(codePoints[i]))]);
        for (var v = 0; v < vanishing.Length; v++)
        {
            kinds[vanishing[v]] = alone[v].Count == 0 ? ('D', 0) : alone[v] is [""] ? ('A', 0) : throw Unexpected(codePoints[vanishing[v]], string.Join(',', alone[v]));
        }

        return Format(codePoints, kinds);
    }

    /// <summary>Runs of consecutive code points with one kind whose fold moves them by the same amount, as "first last kind delta".</summary>
    private static string Format(int[] codePoints, (char Kind, int Fold)[] kinds)
    {
        var table = new StringBuilder();
        var first = 0;
        for (var i = 1; i <= codePoints.Length; i++)
        {
            if (i < codePoints.Length && codePoints[i] == codePoints[i - 1] + 1 && kinds[i].Kind == kinds[first].Kind
                && Delta(codePoints[i], kinds[i]) == Delta(codePoints[first], kinds[first]))
            {
                continue;
            }

            if (kinds[first].Kind != 'S')
            {
                table.Append(System.Globalization.CultureInfo.InvariantCulture, $"{codePoints[first]:X} {codePoints[i - 1]:X} {kinds[first].Kind} {Delta(codePoints[first], kinds[first])}\n");
            }

            first = i;
        }

        return table.ToString();
    }

    private static int Delta(int codePoint, (char Kind, int Fold) kind) => kind.Kind == 'S' ? 0 : kind.Fold - codePoint;

    /// <summary>The tokens of the units, in order, each unit in its own run between spaces.</summary>
    private static List<string> Tokens(Fts5Probe probe, IEnumerable<string> units) =>
        [.. probe.Terms([.. units.Chunk(UnitsPerRow).Select(chunk => string.Join(' ', chunk))]).SelectMany(row => row)];

    private static void Expect(bool condition, int codePoint)
    {
        if (!condition)
        {
            throw Unexpected(codePoint, "");
        }
    }

    private static InvalidOperationException Unexpected(int codePoint, string token) =>
        new($"unicode61 did something this probe does not model with U+{codePoint:X4} ('{token}')");
}
