using System.Text.RegularExpressions;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Rendering;

public sealed class CitationAwareSplitterTests
{
    [Fact]
    public void Split_TextWithinTheLimit_IsOnePiece()
    {
        var pieces = CitationAwareSplitter.Split("One. Two. [1]", 16);

        Assert.Equal(["One. Two. [1]"], pieces);
    }

    [Fact]
    public void Split_ThreeSentences_CutsBetweenSentences()
    {
        // "A one. B two." is 13 characters; adding " C three." would make 22 > 16, so C starts the second piece.
        var pieces = CitationAwareSplitter.Split("A one. B two. C three.", 16);

        Assert.Equal(["A one. B two.", "C three."], pieces);
    }

    [Fact]
    public void Split_CitationAfterTheFullStop_StaysWithItsSentence()
    {
        // Sentence units: "First claim here. [1]" (21) and "Second claim here. [2]" (22); together 44 > 30.
        var pieces = CitationAwareSplitter.Split("First claim here. [1] Second claim here. [2]", 30);

        Assert.Equal(["First claim here. [1]", "Second claim here. [2]"], pieces);
    }

    [Fact]
    public void Split_MultiNumberCitation_IsNeverCut()
    {
        var pieces = CitationAwareSplitter.Split("Claim with two sources. [1, 2] Next claim. [3]", 32);

        Assert.Equal(["Claim with two sources. [1, 2]", "Next claim. [3]"], pieces);
    }

    [Fact]
    public void Split_Lines_KeepTheirLineBreaks()
    {
        var pieces = CitationAwareSplitter.Split("Line one. [1]\nLine two. [2]", 100);

        Assert.Equal(["Line one. [1]\nLine two. [2]"], pieces);
    }

    [Fact]
    public void Split_SentenceLongerThanTheLimit_CutsBetweenWordsButNotBeforeACitation()
    {
        // 16 characters at most: "aaaa bbbb cccc" (14) then "dddd [12] eeee." (15); the space before "[12]" is never a cut,
        // so "dddd" and its citation are not parted.
        var pieces = CitationAwareSplitter.Split("aaaa bbbb cccc dddd [12] eeee.", 16);

        Assert.Equal(["aaaa bbbb cccc", "dddd [12] eeee."], pieces);
    }

    [Fact]
    public void Split_WordLongerThanTheLimit_IsHardCutOutsideCitations()
    {
        var word = new string('x', 40);

        var pieces = CitationAwareSplitter.Split(word + " [3]", 16);

        Assert.Equal([new string('x', 16), new string('x', 16), "xxxxxxxx [3]"], pieces);
    }

    [Fact]
    public void Split_BlankText_IsNoPiece()
    {
        Assert.Empty(CitationAwareSplitter.Split("  \n ", 16));
    }

    [Theory]
    [InlineData(4_096)]
    [InlineData(2_000)]
    [InlineData(1_024)]
    [InlineData(100)]
    public void Split_LongAnswer_EveryPieceFitsAndTheTextAndCitationsSurvive(int limit)
    {
        var text = LongAnswers.Create().Text;

        var pieces = CitationAwareSplitter.Split(text, limit);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, limit));
        Assert.Equal(LongAnswers.Normalize(text), LongAnswers.Normalize(string.Join(" ", pieces)));
        Assert.Equal(Citations(text), pieces.SelectMany(Citations));
        Assert.All(pieces, p => Assert.DoesNotMatch(@"^\[\d+\]", p));
    }

    [Fact]
    public void CutPoint_InsideACitation_MovesBeforeIt()
    {
        // Cutting "abc[123]def" at 5 would fall inside "[123]" (index 3..7): the cut moves back to 3.
        Assert.Equal(3, CitationAwareSplitter.CutPoint("abc[123]def", 5));
    }

    [Fact]
    public void CutPoint_AfterAnEscapeBackslash_MovesBeforeIt()
    {
        Assert.Equal(3, CitationAwareSplitter.CutPoint(@"abc\*def", 4));
    }

    private static IEnumerable<string> Citations(string text) => Regex.Matches(text, @"\[\d+\]").Select(m => m.Value);
}
