using System.Globalization;
using System.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The token boundaries of FTS5's unicode61 tokenizer with its default categories: a token is a run of characters
/// whose Unicode category is a letter (L*), a number (N*) or private use (Co); everything else separates. Case folding,
/// diacritics and stemming are left to FTS5 itself (<see cref="FtsStemmer"/>), so only the boundaries are ours.
/// </summary>
internal static class FtsTokens
{
    /// <summary>The tokens of <paramref name="text"/>, as written.</summary>
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsTokenRune(rune))
            {
                if (start < 0)
                {
                    start = at;
                }
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..at]);
                start = -1;
            }

            at += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }

    private static bool IsTokenRune(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.PrivateUse => true,
            _ => false,
        };
}
