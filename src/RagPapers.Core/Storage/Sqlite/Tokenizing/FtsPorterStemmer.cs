namespace RagPapers.Storage.Sqlite;

/// <summary>
/// FTS5's porter stemmer (the 'porter' tokenizer of SQLite's fts5_tokenize.c), step for step, so a stem made here is
/// the one an FTS5 index with that tokenizer holds. It is not the textbook Porter algorithm: FTS5's rules, their
/// order, its measure and its bounds decide, quirks included (a suffix that matches but fails its condition ends the
/// step, "y" is a vowel after any letter when looking for a vowel, tokens shorter than 3 or longer than 64 bytes pass
/// unchanged).
/// </summary>
/// <remarks>Works on a token's UTF-8 bytes, as FTS5 does: a byte outside ASCII is a consonant.</remarks>
internal static class FtsPorterStemmer
{
    /// <summary>Tokens longer than this many bytes pass through unstemmed.</summary>
    public const int MaxLength = 64;

    /// <summary>Tokens shorter than this pass through unstemmed.</summary>
    public const int MinLength = 3;

    /// <summary>Stems <paramref name="word"/> in place and returns the stem's length, never more than the word's.</summary>
    public static int Stem(Span<byte> word)
    {
        if (word.Length is > MaxLength or < MinLength)
        {
            return word.Length;
        }

        var n = Step1A(word);
        if (Step1B(word, ref n))
        {
            Step1BFollowUp(word, ref n);
        }

        if (word[n - 1] == 'y' && HasVowel(word[..(n - 1)]))
        {
            word[n - 1] = (byte)'i';
        }

        n = Apply(word, n, FtsPorterRules.Step2);
        n = Apply(word, n, FtsPorterRules.Step3);
        n = Apply(word, n, FtsPorterRules.Step4);
        return Step5(word, n);
    }

    private static int Step1A(Span<byte> word)
    {
        var n = word.Length;
        if (word[n - 1] != 's')
        {
            return n;
        }

        if (word[n - 2] == 'e')
        {
            // "sses" and "ies" lose two letters, any other "es" one.
            return (n > 4 && word[n - 4] == 's' && word[n - 3] == 's') || (n > 3 && word[n - 3] == 'i') ? n - 2 : n - 1;
        }

        return word[n - 2] == 's' ? n : n - 1;
    }

    /// <summary>"eed" to "ee" when m > 0; "ed" or "ing" dropped after a vowel. True only when "ed" or "ing" went.</summary>
    private static bool Step1B(Span<byte> word, ref int n)
    {
        var stem = word[..n];
        if (n > 3 && stem.EndsWith("eed"u8))
        {
            if (Measure.Above0(stem[..(n - 3)]))
            {
                n--;
            }

            return false;
        }

        var suffix = n > 2 && stem.EndsWith("ed"u8) ? 2 : n > 3 && stem.EndsWith("ing"u8) ? 3 : 0;
        if (suffix == 0 || !HasVowel(stem[..(n - suffix)]))
        {
            return false;
        }

        n -= suffix;
        return true;
    }

    /// <summary>After "ed" or "ing": at/bl/iz gain an e, else a double consonant (not l, s, z) loses one, else a short word gains an e.</summary>
    private static void Step1BFollowUp(Span<byte> word, ref int n)
    {
        var before = n;
        n = Apply(word, n, FtsPorterRules.Step1B2);
        if (n != before)
        {
            return;
        }

        var last = word[n - 1];
        if (!IsVowel(last, false) && last is not ((byte)'l' or (byte)'s' or (byte)'z') && last == At(word, n - 2))
        {
            n--;
        }
        else if (Measure.Exactly1(word[..n]) && Measure.EndsConsonantVowelConsonant(word[..n]))
        {
            word[n++] = (byte)'e';
        }
    }

    private static int Step5(Span<byte> word, int n)
    {
        if (word[n - 1] == 'e')
        {
            var stem = word[..(n - 1)];
            if (Measure.Above1(stem) || (Measure.Exactly1(stem) && !Measure.EndsConsonantVowelConsonant(stem)))
            {
                n--;
            }
        }

        if (n > 1 && word[n - 1] == 'l' && word[n - 2] == 'l' && Measure.Above1(word[..(n - 1)]))
        {
            n--;
        }

        return n;
    }

    /// <summary>Applies the first rule of the step whose suffix ends the word after at least one letter, if its condition holds.</summary>
    private static int Apply(Span<byte> word, int n, PorterRule[]?[] step)
    {
        var key = At(word, n - 2);
        if (key >= step.Length || step[key] is not { } rules)
        {
            return n;
        }

        foreach (var rule in rules)
        {
            if (n <= rule.Suffix.Length || !word[..n].EndsWith(rule.Suffix))
            {
                continue;
            }

            var stem = n - rule.Suffix.Length;
            if (!Holds(rule.Condition, word[..stem]))
            {
                return n;
            }

            rule.Replacement.CopyTo(word[stem..]);
            return stem + rule.Replacement.Length;
        }

        return n;
    }

    private static bool Holds(PorterCondition condition, ReadOnlySpan<byte> stem) => condition switch
    {
        PorterCondition.None => true,
        PorterCondition.MeasureAbove0 => Measure.Above0(stem),
        PorterCondition.MeasureAbove1 => Measure.Above1(stem),
        _ => stem[^1] is (byte)'s' or (byte)'t' && Measure.Above1(stem),
    };

    /// <summary>(*v*): a vowel anywhere, "y" counting as one after the first letter.</summary>
    private static bool HasVowel(ReadOnlySpan<byte> stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (IsVowel(stem[i], i > 0))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsVowel(byte c, bool yIsVowel) => c is (byte)'a' or (byte)'e' or (byte)'i' or (byte)'o' or (byte)'u' || (yIsVowel && c == (byte)'y');

    // FTS5 looks one letter before a one-letter stem (at its buffer's preceding byte); no rule matches there.
    private static byte At(ReadOnlySpan<byte> word, int index) => index < 0 ? (byte)0 : word[index];
}
