namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The porter measure m of a stem ([C](VC){m}[V]) and its (*o) test, as FTS5 computes them: a letter is a consonant
/// unless it is a, e, i, o, u, or a "y" after a consonant.
/// </summary>
internal static class Measure
{
    public static bool Above0(ReadOnlySpan<byte> stem) => SkipVowelsThenConsonant(stem, false) != 0;

    public static bool Above1(ReadOnlySpan<byte> stem)
    {
        var first = SkipVowelsThenConsonant(stem, false);
        return first != 0 && SkipVowelsThenConsonant(stem[first..], true) != 0;
    }

    public static bool Exactly1(ReadOnlySpan<byte> stem)
    {
        var first = SkipVowelsThenConsonant(stem, false);
        return first != 0 && SkipVowelsThenConsonant(stem[first..], true) == 0;
    }

    /// <summary>(*o): the stem ends consonant, vowel, consonant, the last not w, x or y.</summary>
    public static bool EndsConsonantVowelConsonant(ReadOnlySpan<byte> stem)
    {
        if (stem[^1] is (byte)'w' or (byte)'x' or (byte)'y')
        {
            return false;
        }

        // FTS5 shifts a consonant bit per letter into a mask and looks at the last three.
        var mask = 0;
        var consonant = false;
        foreach (var c in stem)
        {
            consonant = !FtsPorterStemmer.IsVowel(c, consonant);
            mask = (mask << 1) | (consonant ? 1 : 0);
        }

        return (mask & 0b111) == 0b101;
    }

    /// <summary>
    /// The length up to and including the first consonant after the first vowel (one VC run), or 0 when there is none.
    /// <paramref name="afterConsonant"/> says whether the letter before the stem was a consonant (for "y").
    /// </summary>
    private static int SkipVowelsThenConsonant(ReadOnlySpan<byte> stem, bool afterConsonant)
    {
        var consonant = afterConsonant;
        var i = 0;
        for (; i < stem.Length; i++)
        {
            consonant = !FtsPorterStemmer.IsVowel(stem[i], consonant);
            if (!consonant)
            {
                break;
            }
        }

        for (i++; i < stem.Length; i++)
        {
            consonant = !FtsPorterStemmer.IsVowel(stem[i], consonant);
            if (consonant)
            {
                return i + 1;
            }
        }

        return 0;
    }
}
