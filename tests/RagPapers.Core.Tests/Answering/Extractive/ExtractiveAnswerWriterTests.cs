using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Retrieval;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering.Extractive;

public sealed class ExtractiveAnswerWriterTests
{
    private const string SpeechQuestion = "How is masked prediction used for self-supervised speech representation learning?";

    private readonly ExtractiveAnswerWriter _sut = new();

    private static readonly RetrievedPaper[] SpeechEvidence =
    [
        Retrieved(HuBert, 0.9),
        Retrieved(W2vBert, 0.85),
        Retrieved(Cpc, 0.6),
        Retrieved(VicMae, 0.5),
        Retrieved(VideoCoTraining, 0.3),
    ];

    [Fact]
    public async Task WriteAsync_RelevantEvidence_MarkersAndCitationsMatchOneToOne()
    {
        var answer = await WriteAsync(SpeechQuestion, SpeechEvidence);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.NotEmpty(answer.Citations);
        CitationChecks.AssertCitationsConsistent(answer, SpeechEvidence.Select(e => e.Paper));
    }

    [Fact]
    public async Task WriteAsync_RelevantEvidence_QuotesAreVerbatimFromTheAbstract()
    {
        var answer = await WriteAsync(SpeechQuestion, SpeechEvidence);

        CitationChecks.AssertQuotesVerbatim(answer, SpeechEvidence.Select(e => e.Paper));
    }

    [Fact]
    public async Task WriteAsync_RelevantEvidence_EverySentenceEndsWithItsCitation()
    {
        var answer = await WriteAsync(SpeechQuestion, SpeechEvidence);

        CitationChecks.AssertEverySentenceCited(answer, SpeechEvidence.Select(e => e.Paper));
    }

    [Theory]
    [InlineData("Which models combine contrastive learning with masked autoencoders for images and video?")]
    [InlineData("optical flow co-training for action recognition")]
    [InlineData("WER reduction on LibriSpeech")]
    [InlineData("tell me about representation learning")]
    public async Task WriteAsync_VariousQuestions_KeepEveryCitationRule(string question)
    {
        RetrievedPaper[] evidence = [.. All.Select((p, i) => Retrieved(p, 0.9 - (i * 0.05)))];

        var answer = await WriteAsync(question, evidence);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        CitationChecks.AssertCitationsConsistent(answer, All);
        CitationChecks.AssertQuotesVerbatim(answer, All);
        CitationChecks.AssertEverySentenceCited(answer, All);
    }

    [Fact]
    public async Task WriteAsync_SpeechQuestion_CitesTheSpeechPapersFirst()
    {
        var answer = await WriteAsync(SpeechQuestion, SpeechEvidence);

        Assert.Equal([HuBert.Id, W2vBert.Id], answer.Citations.Take(2).Select(c => c.PaperId).Order());
        Assert.StartsWith("HuBERT (2021) \u2014 ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Citation_CarriesPaperFieldsAndRelevance()
    {
        var answer = await WriteAsync(SpeechQuestion, [Retrieved(HuBert, 0.9)]);

        var citation = Assert.Single(answer.Citations);
        Assert.Equal(new Citation(1, HuBert.Id, HuBert.Title, new DateOnly(2021, 6, 14), HuBert.Source, citation.Quote, 0.9), citation);
    }

    [Fact]
    public async Task WriteAsync_PaperBelowHalfTheBestRelevance_IsNotCited()
    {
        // 0.3 < 0.5 × 0.9, so the video paper is evidence but not quoted.
        var answer = await WriteAsync("self-supervised video representation learning", SpeechEvidence);

        Assert.DoesNotContain(answer.Citations, c => c.PaperId == VideoCoTraining.Id);
    }

    [Fact]
    public async Task WriteAsync_ManyRelevantPapers_QuotesAtMostThreePapersAndFourSentences()
    {
        RetrievedPaper[] evidence = [.. All.Select(p => Retrieved(p, 0.8))];

        var answer = await WriteAsync("self-supervised contrastive representation learning", evidence);

        Assert.InRange(answer.Citations.Count, 1, 3);
        Assert.InRange(answer.Text.Split(" [").Length - 1, answer.Citations.Count, 4);
    }

    [Fact]
    public async Task WriteAsync_SinglePaper_QuotesAtMostTwoSentences()
    {
        var answer = await WriteAsync(HuBert.Title, [Retrieved(HuBert, 0.9)]);

        Assert.Single(answer.Citations);
        Assert.InRange(answer.Text.Split(" [1]").Length - 1, 1, 2);
    }

    [Fact]
    public async Task WriteAsync_SameRequestTwice_GivesTheSameAnswer()
    {
        var first = await WriteAsync(SpeechQuestion, SpeechEvidence);
        var second = await WriteAsync(SpeechQuestion, SpeechEvidence);

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Citations, second.Citations);
    }

    [Fact]
    public async Task WriteAsync_NoPapers_AnswersNoEvidence()
    {
        var answer = await _sut.WriteAsync(new AnswerRequest("x?", "x?", new RetrievalResult("x", [], HasRelevantEvidence: true)));

        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task WriteAsync_OnlyEmptyAbstracts_AnswersNoEvidence()
    {
        var bare = HuBert with { Abstract = "  " };

        var answer = await WriteAsync(SpeechQuestion, [Retrieved(bare, 0.9)]);

        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
    }

    [Fact]
    public async Task WriteAsync_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _sut.WriteAsync(new AnswerRequest("q", "q", new RetrievalResult("q", SpeechEvidence, true)), cts.Token));
    }

    [Theory]
    [InlineData("HuBERT: Self-Supervised Speech Representation Learning", "HuBERT")]
    [InlineData("Representation Learning with Contrastive Predictive Coding", "Representation Learning with Contrastive Predictive Coding")]
    [InlineData("Provably Mitigating Overoptimization in RLHF: Your SFT Loss is Implicitly an Adversarial Regularizer", "Provably Mitigating Overoptimization in RLHF")]
    [InlineData("A Very Long Title Without Any Colon That Goes On And On About Self-Supervised Representation Learning Forever", "A Very Long Title Without Any Colon That Goes On And On About Self-Supervised\u2026")]
    public void ShortTitle_Title_NamesThePaperBriefly(string title, string expected)
    {
        Assert.Equal(expected, ExtractiveAnswerWriter.ShortTitle(title));
    }

    private Task<Answer> WriteAsync(string question, IReadOnlyList<RetrievedPaper> evidence) =>
        _sut.WriteAsync(new AnswerRequest(question, question, new RetrievalResult(question, evidence, HasRelevantEvidence: true)));
}
