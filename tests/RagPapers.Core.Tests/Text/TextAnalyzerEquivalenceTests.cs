using RagPapers.Text;

namespace RagPapers.Core.Tests.Text;

/// <summary>
/// Terms and Stem work on spans to save allocations; they must give exactly what the string-based versions gave
/// (<see cref="Reference"/>), or every stored embedding would drift from the vectors of new text.
/// </summary>
public class TextAnalyzerEquivalenceTests
{
    public static TheoryData<string> Texts =>
    [
        "Studies of the classes: passing, stopped, running, flies, dresses, virus, analysis, hopping, filled, buzzing.",
        "ÉCOLE Straße İstanbul ΣΟΦΙΑ naïve Ǆungla ＡＢＣ résumés 3D CO2 covid19 x a I II é",
        "Ends with a word",
        "",
        "   \t\n",
        "A-B C--D e_f g.h 123 4.56 7,890 1a a1 ab ies sses ss us is ing ed eed",
        "unbelievablyverylongtokenthatgoesonandonwithoutendinsightbeyondthesizeofanybufferthatwouldbekeptonthestackforatokenofnormallengthsothatithastobelowercasedintoanarrayofitsown ANDSHOUTED",
        string.Join(" ", Enumerable.Range(0, 40).Select(i => new string((char)('a' + (i % 26)), i + 1) + "ies")),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Terms_Text_SameAsTheStringBasedAnalyzer(string text) =>
        Assert.Equal(Reference.Terms(text), TextAnalyzer.Terms(text));

    [Fact]
    public void Terms_BundledCollection_SameAsTheStringBasedAnalyzer()
    {
        foreach (var file in Directory.EnumerateFiles(TestPaths.PapersDir))
        {
            var text = File.ReadAllText(file);

            Assert.Equal(Reference.Terms(text), TextAnalyzer.Terms(text));
        }
    }

    [Theory]
    [InlineData("studies")]
    [InlineData("classes")]
    [InlineData("running")]
    [InlineData("stopped")]
    [InlineData("filled")]
    [InlineData("virus")]
    [InlineData("cat")]
    [InlineData("covid19")]
    [InlineData("models")]
    public void Stem_Word_SameAsTheStringBasedStemmer(string word) =>
        Assert.Equal(Reference.Stem(word), TextAnalyzer.Stem(word));

    /// <summary>The analyzer as it was before it worked on spans.</summary>
    private static class Reference
    {
        public static List<string> Terms(string text) =>
            [.. TextAnalyzer.Tokens(text).Where(t => t.Length > 1 && !TextAnalyzer.IsStopWord(t)).Select(Stem)];

        public static string Stem(string word)
        {
            if (word.Length <= 3 || char.IsDigit(word[^1]))
            {
                return word;
            }

            if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
            {
                return word[..^3] + "y";
            }

            if (word.EndsWith("sses", StringComparison.Ordinal))
            {
                return word[..^2];
            }

            if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
            {
                word = word[..^1];
            }

            if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
            {
                return Undouble(word[..^3]);
            }

            return word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4 ? Undouble(word[..^2]) : word;
        }

        private static string Undouble(string stem) =>
            stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
    }
}
