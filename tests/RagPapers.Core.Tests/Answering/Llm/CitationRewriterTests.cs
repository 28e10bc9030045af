using RagPapers.Answering.Llm;

namespace RagPapers.Core.Tests.Answering.Llm;

public sealed class CitationRewriterTests
{
    private static readonly Func<int, bool> FiveSources = n => n is >= 1 and <= 5;

    [Fact]
    public void Rewrite_CitationSevenWithFiveSources_LosesItAndCountsIt()
    {
        var sut = new CitationRewriter(FiveSources);

        var text = sut.Rewrite("HuBERT predicts masked units [1]. It beats everything [7]. W2v-BERT adds contrast [2].");

        Assert.Equal("HuBERT predicts masked units [1]. It beats everything. W2v-BERT adds contrast [2].", text);
        Assert.Equal(1, sut.Removed);
        Assert.Equal([1, 2], sut.Cited);
    }

    [Fact]
    public void Rewrite_SourcesCitedOutOfOrder_AreRenumberedByFirstUse()
    {
        var sut = new CitationRewriter(FiveSources);

        var text = sut.Rewrite("A [4]. B [2]. C [4][5].");

        // first use: 4 → [1], 2 → [2], 5 → [3]
        Assert.Equal("A [1]. B [2]. C [1][3].", text);
        Assert.Equal([4, 2, 5], sut.Cited);
        Assert.Equal(0, sut.Removed);
    }

    [Theory]
    [InlineData("X [1, 3].", "X [1][2].", 0)]
    [InlineData("X [2-4].", "X [1][2][3].", 0)]
    [InlineData("X [1; 9].", "X [1].", 1)]
    [InlineData("X [6, 8].", "X.", 2)]
    [InlineData("X [3\u20135] and [3].", "X [1][2][3] and [1].", 0)]
    public void Rewrite_GroupsAndRanges_KeepOnlyGivenSources(string input, string expected, int removed)
    {
        var sut = new CitationRewriter(FiveSources);

        Assert.Equal(expected, sut.Rewrite(input));
        Assert.Equal(removed, sut.Removed);
    }

    [Theory]
    [InlineData("Published in [2021], see [a] or [ 1 x].")]
    [InlineData("An array a[i] and a list [].")]
    [InlineData("Trailing bracket [")]
    public void Rewrite_BracketsThatAreNotCitations_StayAsTheyAre(string input)
    {
        var sut = new CitationRewriter(FiveSources);

        Assert.Equal(input, sut.Rewrite(input));
        Assert.Equal(0, sut.Removed);
        Assert.Empty(sut.Cited);
    }

    [Fact]
    public void Append_TextSplitAtEveryPosition_StreamsExactlyTheWholeRewrite()
    {
        const string input = "Masked prediction [1] works  [7]; contrast [2, 3] helps [12]. Years [2021] stay [ 5 ].";
        var expected = new CitationRewriter(FiveSources).Rewrite(input);

        for (var cut = 0; cut <= input.Length; cut++)
        {
            for (var second = cut; second <= input.Length; second += 5)
            {
                var sut = new CitationRewriter(FiveSources);
                var streamed = sut.Append(input[..cut]) + sut.Append(input[cut..second]) + sut.Append(input[second..]) + sut.Flush();
                Assert.Equal(expected, streamed);
            }
        }

        Assert.Equal("Masked prediction [1] works; contrast [2][3] helps. Years [2021] stay [4].", expected);
    }

    [Fact]
    public void Append_PossibleCitationAtTheEnd_IsHeldBackUntilDecided()
    {
        var sut = new CitationRewriter(FiveSources);

        Assert.Equal("Claim", sut.Append("Claim [")); // " [" may still become " [7]", which would be removed
        Assert.Equal("", sut.Append("9"));
        Assert.Equal(". Next", sut.Append("]. Next "));
        Assert.Equal(" [1]", sut.Append("[1]"));
        Assert.Equal("", sut.Flush());
        Assert.Equal(1, sut.Removed);
    }
}
