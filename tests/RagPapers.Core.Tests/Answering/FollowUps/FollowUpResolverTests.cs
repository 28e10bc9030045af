using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Retrieval;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering.FollowUps;

public sealed class FollowUpResolverTests
{
    private const string PreviousStandalone = "self-supervised speech representation learning";

    private readonly FollowUpResolver _sut = new();

    // The previous answer cited CPC [1], HuBERT [2], ViC-MAE [3]; W2v-BERT was evidence but not cited.
    private static Conversation AfterCitedAnswer()
    {
        Citation[] citations = [Cite(1, Cpc), Cite(2, HuBert), Cite(3, VicMae)];
        var answer = new Answer(AnswerStatus.Answered, "… [1] … [2] … [3]", citations, "extractive");
        var conversation = new Conversation();
        conversation.Add(new ConversationTurn(PreviousStandalone, PreviousStandalone, answer, [.. new[] { Cpc, HuBert, VicMae, W2vBert }.Select(p => Retrieved(p, 0.8))]));
        return conversation;
    }

    public static TheoryData<string, string, string?, int?> SourceReferences => new()
    {
        // question, expected standalone, expected restricted paper (null: no restriction), expected selected source
        { "and the second one?", HuBert.Title, HuBert.Id, 2 },
        { "And the 2nd paper?", HuBert.Title, HuBert.Id, 2 },
        { "source 3", VicMae.Title, VicMae.Id, 3 },
        { "paper #2", HuBert.Title, HuBert.Id, 2 },
        { "what does [2] say about clusters?", $"what does {HuBert.Title} say about clusters?", HuBert.Id, 2 },
        { "and the first?", Cpc.Title, Cpc.Id, 1 },
        { "the last one", VicMae.Title, VicMae.Id, 3 },
        { "which datasets does the third paper evaluate on?", $"which datasets does {VicMae.Title} evaluate on?", VicMae.Id, 3 },
        { "tell me more about that paper", Cpc.Title, Cpc.Id, 1 },
        { "what dataset does it use?", $"what dataset does {Cpc.Title} use?", Cpc.Id, 1 },
    };

    [Theory]
    [MemberData(nameof(SourceReferences))]
    public void Resolve_SourceReference_RestrictsToThatPaperAndNamesItsTitle(string question, string standalone, string? paperId, int? selected)
    {
        var resolved = _sut.Resolve(question, AfterCitedAnswer());

        Assert.Equal(standalone, resolved.Standalone);
        Assert.Equal(paperId is null ? null : [paperId], resolved.RestrictTo);
        Assert.Equal(selected, resolved.SelectedSource);
    }

    public static TheoryData<string, string> NotReferences => new()
    {
        // A source beyond the three cited, an ordinal inside a noun phrase, "it" in a long standalone question.
        { "source 7", "source 7" },
        { "what is the first step of masked prediction?", "what is the first step of masked prediction?" },
        { "Is it possible to learn speech representations without any labels?", "Is it possible to learn speech representations without any labels?" },
        { "  contrastive   losses for graphs ", "contrastive losses for graphs" },
    };

    [Theory]
    [MemberData(nameof(NotReferences))]
    public void Resolve_NoReference_KeepsTheQuestion(string question, string standalone)
    {
        var resolved = _sut.Resolve(question, AfterCitedAnswer());

        Assert.Equal(new ResolvedQuestion(standalone), resolved);
    }

    public static TheoryData<string, string> CollectionReferences => new()
    {
        { "which of those uses video?", "which uses video?" },
        { "Of these, which is trained on speech?", "which is trained on speech?" },
        { "among them, which reports WER?", "which reports WER?" },
        { "do any of these papers use images?", "do any use images?" },
        { "do they use video?", "do they use video?" },
        { "and of those?", PreviousStandalone },
    };

    [Theory]
    [MemberData(nameof(CollectionReferences))]
    public void Resolve_CollectionReference_RestrictsToThePreviousAnswersSources(string question, string standalone)
    {
        var resolved = _sut.Resolve(question, AfterCitedAnswer());

        Assert.Equal(standalone, resolved.Standalone);
        Assert.Equal([Cpc.Id, HuBert.Id, VicMae.Id], resolved.RestrictTo); // W2v-BERT was retrieved, never shown
        Assert.Null(resolved.SelectedSource);
        Assert.True(resolved.AmongPreviousSources);
    }

    [Fact]
    public void Resolve_ItInAQuestionNamingAnArxivId_NotTheFirstSource()
    {
        var resolved = _sut.Resolve("who wrote 2106.07447 and when was it out?", AfterCitedAnswer());

        Assert.Null(resolved.RestrictTo);
        Assert.Equal("who wrote 2106.07447 and when was it out?", resolved.Standalone);
    }

    [Fact]
    public void Resolve_PronounsNotPointingBack_ItIsLeftAlone()
    {
        var resolved = _sut.Resolve("Who are the authors of HuBERT and when was it published?", AfterCitedAnswer(), pronounsPointBack: false);

        Assert.Null(resolved.RestrictTo);
        Assert.Equal("Who are the authors of HuBERT and when was it published?", resolved.Standalone);
    }

    [Fact]
    public void Resolve_ItInAShortQuestion_FirstSourceMarkedAsFoundByPronoun()
    {
        var resolved = _sut.Resolve("how does it work?", AfterCitedAnswer());

        Assert.Equal([Cpc.Id], resolved.RestrictTo);
        Assert.True(resolved.ByPronoun);
    }

    public static TheoryData<string, string> EllipticFollowUps => new()
    {
        { "and for video?", "self supervised speech representation learning video" },
        { "what about images?", "self supervised speech representation learning images" },
        { "And what about speech?", "self supervised speech representation learning" },
        { "for music and audio?", "self supervised speech representation learning music audio" },
        // Four content terms: a question of its own.
        { "and how do masked prediction objectives compare?", "and how do masked prediction objectives compare?" },
        // No opener: a new topic, not an ellipsis.
        { "video?", "video?" },
    };

    [Theory]
    [MemberData(nameof(EllipticFollowUps))]
    public void Resolve_EllipticFollowUp_AddsTheNewTermsToThePreviousQuestion(string question, string standalone)
    {
        var resolved = _sut.Resolve(question, AfterCitedAnswer());

        Assert.Equal(new ResolvedQuestion(standalone), resolved);
    }

    [Theory]
    [InlineData("and the second one?")]
    [InlineData("which of those uses video?")]
    [InlineData("and for video?")]
    public void Resolve_NoPreviousTurn_KeepsTheQuestion(string question)
    {
        var resolved = _sut.Resolve(question, new Conversation());

        Assert.Equal(new ResolvedQuestion(question), resolved);
    }

    [Fact]
    public void Resolve_PreviousAnswerCitedNothing_OrdinalCountsTheEvidence()
    {
        var conversation = new Conversation();
        var nothing = new Answer(AnswerStatus.NoEvidence, "I found nothing …", [], "extractive");
        conversation.Add(new ConversationTurn("q", "q", nothing, [Retrieved(W2vBert, 0.2), Retrieved(Cpc, 0.1)]));

        var resolved = _sut.Resolve("and the second one?", conversation);

        Assert.Equal(new ResolvedQuestion(Cpc.Title, resolved.RestrictTo, 2), resolved);
        Assert.Equal([Cpc.Id], resolved.RestrictTo);
    }

    [Fact]
    public void Resolve_CollectionAfterNoEvidence_IsNotRestricted()
    {
        var conversation = new Conversation();
        var nothing = new Answer(AnswerStatus.NoEvidence, "I found nothing …", [], "extractive");
        conversation.Add(new ConversationTurn("q", "q", nothing, [Retrieved(W2vBert, 0.2)]));

        var resolved = _sut.Resolve("which of those uses video?", conversation);

        Assert.Null(resolved.RestrictTo);
    }

    [Fact]
    public void Resolve_ShortQuestionLimitRaised_ItInALongerQuestionPointsBack()
    {
        var sut = new FollowUpResolver { MaxShortQuestionTerms = 6 };

        var resolved = sut.Resolve("Is it possible to learn speech representations without any labels?", AfterCitedAnswer());

        Assert.Equal(1, resolved.SelectedSource);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_EmptyQuestion_Throws(string question)
    {
        Assert.Throws<ArgumentException>(() => _sut.Resolve(question, new Conversation()));
    }

    private static Citation Cite(int n, RagPapers.Papers.Paper paper) =>
        new(n, paper.Id, paper.Title, paper.Published, paper.Source, paper.Abstract[..40], 0.8);

    private static RetrievedPaper Retrieved(RagPapers.Papers.Paper paper, double relevance) => SamplePapers.Retrieved(paper, relevance);
}
