using RagPapers.Answering.Extractive;
using RagPapers.Papers;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Answering.Extractive;

public sealed class SentenceScorerTests
{
    // Three sentences; question terms "video" (in S1) and "motion" (in S1 and S2). N = 3.
    private const string Abstract =
        "Video models learn motion from many frames. Motion is estimated from optical flow fields. Speech models learn sound units from raw audio.";

    private static readonly Paper Paper = new("p1", "Title", Abstract, [], null, "f.txt");

    [Fact]
    public void Score_WorkedExample_CoverageIsShareOfIdfLengthWeight()
    {
        // idf(video)  = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)) = ln(2.6667) = 0.98083; × (1 + 5/12) = 1.38951
        // idf(motion) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6)    = 0.47000; × (1 + 6/12) = 0.70501
        // S1 holds both: 1.0; S2 holds motion: 0.70501 / 2.09452 = 0.33660; S3 holds neither: 0.
        var sut = SentenceScorer.Score("video motion", [new RetrievedPaper(Paper, 1, 1, [])]);

        var coverage = sut[0].Select(s => s.Coverage).ToArray();
        Assert.Equal(1.0, coverage[0], 5);
        Assert.Equal(0.33660, coverage[1], 5);
        Assert.Equal(0.0, coverage[2], 5);
        Assert.Equal(coverage, sut[0].Select(s => s.Score).ToArray()); // relevance factor 1, no bonus, normal length
    }

    [Fact]
    public void Score_SentenceInBestPassage_GetsThePassageBonus()
    {
        // S3 has no question term: 0 coverage + 0.15 bonus for lying in the best passage.
        var passage = new Passage(0, "Speech models learn sound units from raw audio.", 1);

        var sut = SentenceScorer.Score("video motion", [new RetrievedPaper(Paper, 1, 1, [passage])]);

        Assert.Equal(SentenceScorer.BestPassageBonus, sut[0][2].Score, 5);
    }

    [Fact]
    public void Score_WeakerPaper_ScaledByRelevanceShareOfTheBest()
    {
        // Same abstract twice: df doubles (video 2, motion 4 of N = 6) but coverage of S1 stays 1; relevance 0.4 / 0.8 halves it.
        var strong = new RetrievedPaper(Paper, 0.8, 0.8, []);
        var weak = new RetrievedPaper(Paper with { Id = "p2" }, 0.4, 0.4, []);

        var sut = SentenceScorer.Score("video motion", [strong, weak]);

        Assert.Equal(1.0, sut[0][0].Score, 5);
        Assert.Equal(0.5, sut[1][0].Score, 5);
    }

    [Fact]
    public void Score_ContributionSentence_GetsTheCueBonus()
    {
        // No question term anywhere: total weight 0, every coverage 0; only "we propose" earns 0.1.
        var paper = Paper with { Abstract = "Prior systems are slow at large scale today. In this paper we propose a faster index structure." };

        var sut = SentenceScorer.Score("zebra", [new RetrievedPaper(paper, 1, 1, [])]);

        Assert.Equal([0.0, SentenceScorer.ContributionBonus], sut[0].Select(s => s.Score));
    }
}
