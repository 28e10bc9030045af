using System.Text;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>Texts beyond ASCII that exercise unicode61's starts, continuations, folds and separators, and porter on UTF-8 bytes.</summary>
internal static class UnicodeEdgeCases
{
    public static IReadOnlyList<string> Texts { get; } =
    [
        "naïve café résumé Ünïcödé ÅNGSTRÖM Straße ﬁlms Œuvre ÆSIR Ĳssel",
        "β-cells α7 γδ T-cells κB Δ ΔΔCt µm μm Ω ω σς Σ",
        "Schrödinger’s “quoted” ‘single’ – en — em ‐ hyphen − minus ± ≥ ≤ × ÷ ° · • … → ∼ ′ ″ ‰",
        "\u00A0non\u00A0breaking\u2009thin\u200Bzero\u200Ewidth\u2028line\u3000ideographic",
        "e\u0301 \u0301e x\u0301\u0302y \u0301\u0301 a\u0308b\u0327c",
        "２０２４年 ＡＢＣ ｆｕｌｌｗｉｄｔｈ 日本語のテキスト 中文 한국어",
        "Русский текст, Ελληνικά, עברית, العربية, हिन्दी, ไทย",
        "emoji 😀 in 🧬 text, 𝐌𝐚𝐭𝐡 𝛂 bold, \U000F0001 private, \uE000 bmp private",
        "lone \uD800 high, lone \uDC00 low, end \uD83D",
        "specials \uFFFD \uFFFE \uFFFF \uFEFF bom",
        "αing βed γies δational εsses ζness ηization θful",
        "caféing résuméed naïveness Ångströmization ﬁlmed",
        "a\u0820\u0820ing a\u0820ed \u0820\u0820\u0820\u0820ing",
        string.Concat(Enumerable.Repeat("é", 31)) + "ing " + string.Concat(Enumerable.Repeat("é", 32)) + "ing " + string.Concat(Enumerable.Repeat("ü", 40)) + "ed",
        "²³¹ ¼ ½ ⅓ Ⅻ ⅻ ① ⑴ ₂ H₂O CO²",
        "ǅungla ǈ ǋ ᾈ ﬀ ﬃ ẞ ſ ΐ ǰ",
    ];

    private static readonly (int First, int Last)[] Blocks =
    [
        (0x80, 0x24F), (0x250, 0x2FF), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x52F), (0x590, 0x6FF), (0x900, 0x97F), (0xE00, 0xE7F),
        (0x1E00, 0x1FFF), (0x2000, 0x206F), (0x2070, 0x209F), (0x2100, 0x218F), (0x2190, 0x22FF), (0x2460, 0x24FF), (0x3000, 0x30FF),
        (0x4E00, 0x4E3F), (0xAC00, 0xAC3F), (0xE000, 0xE01F), (0xFB00, 0xFB4F), (0xFE00, 0xFE6F), (0xFF00, 0xFFEF), (0xFFF0, 0xFFFF),
        (0x10000, 0x1007F), (0x1D400, 0x1D7FF), (0x1F300, 0x1F6FF), (0xF0000, 0xF001F),
    ];

    private static readonly string[] Suffixes = ["", "s", "es", "ies", "ed", "eed", "ing", "y", "ational", "ness", "ization", "ful", "ement", "ion", "al", "e", "ll"];

    /// <summary>
    /// Texts of words mixing ASCII letters with code points from many blocks (letters, digits, marks, punctuation,
    /// symbols, private use, specials, astral planes, now and then a lone surrogate), each word ending in a porter suffix.
    /// </summary>
    public static IReadOnlyList<string> Generated(int seed, int count)
    {
        var random = new Random(seed);
        var texts = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            for (var w = random.Next(1, 6); w > 0; w--)
            {
                for (var c = random.Next(1, 8); c > 0; c--)
                {
                    text.Append(Character(random));
                }

                text.Append(Suffixes[random.Next(Suffixes.Length)]).Append(random.Next(4) == 0 ? ", " : " ");
            }

            texts.Add(text.ToString());
        }

        return texts;
    }

    private static string Character(Random random)
    {
        switch (random.Next(10))
        {
            case < 4:
                return ((char)random.Next('a', 'z' + 1)).ToString();
            case 4:
                return ((char)random.Next('A', 'Z' + 1)).ToString();
            case 5 when random.Next(20) == 0:
                return ((char)random.Next(0xD800, 0xE000)).ToString();
            default:
                var (first, last) = Blocks[random.Next(Blocks.Length)];
                var codePoint = random.Next(first, last + 1);
                return codePoint is >= 0xD800 and <= 0xDFFF ? "x" : char.ConvertFromUtf32(codePoint);
        }
    }
}
