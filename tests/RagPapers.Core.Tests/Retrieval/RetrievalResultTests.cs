using RagPapers.Retrieval;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>The retriever's "is there anything to answer from" decision, which writers and the papers plugin read without checking the papers again.</summary>
public sealed class RetrievalResultTests
{
    [Fact]
    public void HasRelevantEvidence_RelevantPapers_IsTheRetrieversDecision()
    {
        var sut = new RetrievalResult("q", [Retrieved(HuBert, 0.9)], HasRelevantEvidence: true);

        Assert.True(sut.HasRelevantEvidence);
        Assert.False((sut with { HasRelevantEvidence = false }).HasRelevantEvidence);
    }

    [Fact]
    public void HasRelevantEvidence_NoPaper_IsFalseWhateverWasSaid()
    {
        var sut = new RetrievalResult("q", [], HasRelevantEvidence: true);

        Assert.False(sut.HasRelevantEvidence);
    }

    [Fact]
    public void HasRelevantEvidence_PapersNarrowedToNone_BecomesFalse()
    {
        var sut = new RetrievalResult("q", [Retrieved(HuBert, 0.9)], HasRelevantEvidence: true);

        var narrowed = sut with { Papers = [] };

        Assert.False(narrowed.HasRelevantEvidence);
        Assert.True((narrowed with { Papers = sut.Papers }).HasRelevantEvidence);
    }
}
