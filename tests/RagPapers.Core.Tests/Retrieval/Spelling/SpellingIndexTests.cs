using RagPapers.Retrieval.Spelling;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Retrieval.Spelling;

public sealed class SpellingIndexTests
{
    private static SpellingIndex Index(params (string Word, int Papers)[] words) =>
        new(new CollectionVocabulary(words.Select(w => KeyValuePair.Create(w.Word, w.Papers))));

    [Fact]
    public void Suggest_TwoCandidates_PrefersTheSmallerDistanceOverMorePapers()
    {
        // "speach": speech is 1 edit (a → e), spinach 2 (e → i, n inserted) though in ten times more papers.
        var sut = Index(("speech", 3), ("spinach", 30));

        Assert.Equal("speech", sut.Suggest("speach", 2));
    }

    [Fact]
    public void Suggest_SameDistance_PrefersTheWordInMorePapers()
    {
        // "modle" is 1 edit from each: model (l and e swapped), mode (l deleted), module (u inserted); model is in most papers.
        var sut = Index(("mode", 4), ("model", 40), ("module", 9));

        Assert.Equal("model", sut.Suggest("modle", 1));
    }

    [Fact]
    public void Suggest_SameDistanceAndPapers_PrefersTheFirstInOrdinalOrder()
    {
        var sut = Index(("cart", 5), ("card", 5));

        Assert.Equal("card", sut.Suggest("carx", 1));
    }

    [Fact]
    public void Suggest_WordInOnePaper_IsNoCandidate()
    {
        var sut = Index(("speech", 1));

        Assert.Null(sut.Suggest("speach", 2));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Suggest_NothingWithinTheBound_IsNull()
    {
        var sut = Index(("learning", 8), ("speech", 8));

        Assert.Null(sut.Suggest("sourdough", 2));
        Assert.Null(sut.Suggest("lrnng", 2)); // 3 letters missing from "learning"
    }

    [Theory]
    [InlineData("unassociated", "associated", true)] // a prefix of two letters: a derived word
    [InlineData("deactivates", "activates", true)]
    [InlineData("persistor", "persist", true)] // a suffix of two letters
    [InlineData("suppresss", "suppress", false)] // one letter more: a typo
    [InlineData("lerning", "learning", false)]
    public void IsAffixVariant_WordsDifferingByAnAffix_AreDerivationsNotTypos(string a, string b, bool expected)
    {
        Assert.Equal(expected, SpellingIndex.IsAffixVariant(a, b));
        Assert.Equal(expected, SpellingIndex.IsAffixVariant(b, a));
    }

    [Fact]
    public void Suggest_OnlyCandidateIsTheWordWithoutItsPrefix_IsNull()
    {
        var sut = Index(("associated", 50));

        Assert.Null(sut.Suggest("unassociated", 2));
    }

    [Fact]
    public void Suggest_TypoInTheFirstLetter_IsStillFound()
    {
        var sut = Index(("learning", 8));

        Assert.Equal("learning", sut.Suggest("kearning", 2));
        Assert.Equal("learning", sut.Suggest("earning", 2));
    }
}
