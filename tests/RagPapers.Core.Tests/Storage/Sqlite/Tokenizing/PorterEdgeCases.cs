namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>Words that exercise each porter rule, its bounds and FTS5's quirks, and a generator of many more.</summary>
internal static class PorterEdgeCases
{
    public static IReadOnlyList<string> Words { get; } =
    [
        // lengths around FTS5's bounds (3 to 64 bytes are stemmed)
        "a", "ab", "abs", "ies", "sss", "ss", "s", "es", "is", "eed", "ing", "ed", "yed", "aed", "aing", "eing", "oing", "ying", "yyy",
        // step 1a
        "caresses", "ponies", "ties", "caress", "cats", "sses", "xes", "yes", "gases", "ss's", "analyses", "diagnoses",
        // step 1b and its follow-up
        "feed", "agreed", "plastered", "bled", "motoring", "sing", "conflated", "troubled", "sized", "hopping", "tanned", "falling",
        "hissing", "fizzed", "failing", "filing", "hoped", "hopped", "rated", "rating", "disabled", "proceeding", "exceeded", "needing",
        "stayed", "played", "playing", "crying", "dying", "lying", "tying", "spied", "fixed", "fixing", "boxed", "snowed", "trying",
        // step 1c and y as a vowel or a consonant
        "happy", "sky", "by", "bye", "sly", "toy", "boys", "syzygy", "yay", "yoyo", "yyyy", "ayy", "beyond", "rhythm", "myriad", "quickly",
        // step 2
        "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli", "radicalli", "differentli", "vileli",
        "analogousli", "vietnamization", "predication", "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti",
        "sensitiviti", "sensibiliti", "ational", "tional", "national", "optional", "biology", "logi", "abilities", "probabilities",
        // step 3
        "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness", "ness", "ful", "ative", "icate",
        // step 4 (ement before ment before ent; ion after s or t)
        "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement",
        "adjustment", "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous", "effective",
        "bowdlerize", "ement", "ment", "ent", "cement", "agreement", "element", "clement", "ion", "tion", "sion", "lion", "motion",
        "vision", "region", "onion", "expression", "infection", "inhibition", "detection",
        // step 5
        "probate", "rate", "cease", "controll", "roll", "generalization", "oscillators", "fell", "tell", "dwell", "smelling",
        // digits, mixed case, compounds as FTS5 splits them
        "123", "1990s", "covid19", "COVID-19", "3D", "H2O", "100ing", "ies1", "2ed", "ReLU", "DNA", "MicroRNAs", "mRNAs", "IL-6", "p53",
        "TNF-alpha", "don't", "patient's", "Crohn's", "state-of-the-art", "e-mail", "x-ray", "well-being", "non-coding", "1,000", "3.14",
        "C++", "a/b", "(IQR)", "[12]", "R^2", "p<0.05", "__init__", "snake_case", "camelCaseWords", "ALLCAPSING", "MixedED",
    ];

    private static readonly string[] Stems = ["", "a", "b", "y", "ab", "ay", "ya", "yy", "cat", "sky", "hop", "tann", "bowdl", "relat", "gen", "contr", "feud", "ponti", "syzyg", "moti"];

    private static readonly string[] Suffixes =
    [
        "", "s", "es", "ies", "sses", "ss", "eed", "ed", "ing", "ings", "y", "ys", "ational", "tional", "enci", "anci", "izer", "logi", "bli",
        "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti",
        "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
        "ent", "ion", "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e", "le", "ll", "at", "bl", "iz", "ated", "izing",
    ];

    /// <summary>
    /// Words made of a random stem from consonants, vowels and y, then one to three suffixes: every rule of every step meets
    /// stems of every measure, the y rules and double consonants.
    /// </summary>
    public static IReadOnlyList<string> Generated(int seed, int count)
    {
        var random = new Random(seed);
        const string letters = "aeiouybcdlmnrstgzwx";
        var words = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var stem = random.Next(3) == 0
                ? Stems[random.Next(Stems.Length)]
                : new string([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => letters[random.Next(letters.Length)])]);
            var word = stem + string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Suffixes[random.Next(Suffixes.Length)]));
            words.Add(word.Length == 0 ? "e" : word);
        }

        return words;
    }
}
