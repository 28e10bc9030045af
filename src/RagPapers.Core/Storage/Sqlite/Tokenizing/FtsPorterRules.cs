using System.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The suffix rules of FTS5's porter stemmer (steps 1b's second half, 2, 3 and 4), as FTS5 applies them: the rules of a
/// step are grouped by the suffix's last-but-one letter, the group of the word's last-but-one letter is searched in the
/// order listed here, and the first suffix that matches with at least one letter before it decides — if its condition
/// fails, no later suffix is tried. The orders below are FTS5's and must stay so ("ement" before "ment" before "ent").
/// </summary>
internal static class FtsPorterRules
{
    /// <summary>Step 1b's follow-up after "ed" or "ing" went: no condition.</summary>
    public static PorterRule[]?[] Step1B2 { get; } = Group(PorterCondition.None, ("at", "ate"), ("bl", "ble"), ("iz", "ize"));

    public static PorterRule[]?[] Step2 { get; } = Group(
        PorterCondition.MeasureAbove0,
        ("ational", "ate"), ("tional", "tion"),
        ("enci", "ence"), ("anci", "ance"),
        ("izer", "ize"),
        ("logi", "log"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
        ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"));

    public static PorterRule[]?[] Step3 { get; } = Group(
        PorterCondition.MeasureAbove0,
        ("ical", "ic"),
        ("ness", ""),
        ("icate", "ic"), ("iciti", "ic"),
        ("ful", ""),
        ("ative", ""),
        ("alize", "al"));

    public static PorterRule[]?[] Step4 { get; } = Group(
        PorterCondition.MeasureAbove1,
        ("al", ""),
        ("ance", ""), ("ence", ""),
        ("er", ""),
        ("ic", ""),
        ("able", ""), ("ible", ""),
        ("ant", ""), ("ement", ""), ("ment", ""), ("ent", ""),
        ("ion", ""), ("ou", ""),
        ("ism", ""),
        ("ate", ""), ("iti", ""),
        ("ous", ""),
        ("ive", ""),
        ("ize", ""));

    /// <summary>The rules by their suffix's last-but-one letter, each group in the order given.</summary>
    private static PorterRule[]?[] Group(PorterCondition condition, params (string Suffix, string Replacement)[] rules)
    {
        var groups = new PorterRule[]?[128];
        foreach (var (suffix, replacement) in rules)
        {
            // Only "ion" of step 4 asks more than the step's measure: a stem ending in s or t.
            var rule = new PorterRule(Encoding.ASCII.GetBytes(suffix), Encoding.ASCII.GetBytes(replacement), suffix == "ion" ? PorterCondition.MeasureAbove1EndingSOrT : condition);
            var key = suffix[^2];
            groups[key] = [.. groups[key] ?? [], rule];
        }

        return groups;
    }
}
