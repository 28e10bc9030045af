using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Answering.FollowUps;
using RagPapers.Retrieval;
using RagPapers.Storage;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering;

public sealed class PaperAssistantTests
{
    internal const string SpeechQuestion = "How is masked prediction used for self-supervised speech representation learning?";

    private readonly Conversation _conversation = new();

    [Fact]
    public async Task AskAsync_Question_RecordsTheTurn()
    {
        var retriever = FakeRetriever.OverPapers(All);
        var sut = CreateSut(retriever);

        var answer = await sut.AskAsync(SpeechQuestion, _conversation);

        var turn = Assert.Single(_conversation.Turns);
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Same(answer, turn.Answer);
        Assert.Equal(SpeechQuestion, turn.Question);
        Assert.Equal(SpeechQuestion, turn.StandaloneQuestion);
        Assert.Equal(retriever.Requests.Single().Query, turn.StandaloneQuestion);
        Assert.Contains(turn.Evidence, p => p.Paper.Id == HuBert.Id);
        CitationChecks.AssertCitationsConsistent(answer, turn.Evidence.Select(p => p.Paper));
    }

    [Fact]
    public async Task AskAsync_AndTheSecondOne_AnswersAboutCitationTwo()
    {
        var retriever = FakeRetriever.OverPapers(All);
        var sut = CreateSut(retriever);
        var first = await sut.AskAsync(SpeechQuestion, _conversation);
        var second = first.Citations.Single(c => c.N == 2);

        var answer = await sut.AskAsync("and the second one?", _conversation);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal(second.PaperId, Assert.Single(answer.Citations).PaperId);
        Assert.Equal(new RetrievalRequest(second.Title, 8, null, retriever.Requests[^1].RestrictTo), retriever.Requests[^1]);
        Assert.Equal([second.PaperId], retriever.Requests[^1].RestrictTo);
        Assert.Equal(second.Title, _conversation.Turns[^1].StandaloneQuestion);
    }

    [Fact]
    public async Task AskAsync_WhichOfThoseUsesVideo_SearchesOnlyThePreviousAnswersSourcesAndSaysNoneMatches()
    {
        var retriever = FakeRetriever.OverPapers(All);
        var sut = CreateSut(retriever);
        var first = await sut.AskAsync("masked prediction for speech", _conversation);
        var cited = first.Citations.Select(c => c.PaperId).ToArray();
        var retrievedOnly = _conversation.Turns[0].Evidence.Select(p => p.Paper.Id).Except(cited).ToArray();

        var answer = await sut.AskAsync("which of those uses video?", _conversation);

        // ViC-MAE (video) was retrieved for the first question but not cited: the reader never saw it, so it is not
        // one of "those", and neither is the video paper outside the evidence.
        Assert.Contains(VicMae.Id, retrievedOnly);
        Assert.Equal(cited.Order(), retriever.Requests[^1].RestrictTo!.Order());
        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
        Assert.Equal($"None of the {cited.Length} sources of the previous answer matches \u201cwhich uses video\u201d.", answer.Text);
    }

    [Fact]
    public async Task AskAsync_SelectedSourceOfLowRelevance_IsStillTheEvidence()
    {
        var keyword = FakeRetriever.OverPapers(All);
        var retriever = new FakeRetriever((request, ct) => request.RestrictTo is null
            ? keyword.RetrieveAsync(request, ct)
            : Task.FromResult(new RetrievalResult(request.Query, [Retrieved(HuBert, 0.05)], HasRelevantEvidence: false)));
        var sut = CreateSut(retriever);
        var first = await sut.AskAsync(SpeechQuestion, _conversation);
        var n = first.Citations.Single(c => c.PaperId == HuBert.Id).N;

        var answer = await sut.AskAsync($"source {n}", _conversation);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal(HuBert.Id, Assert.Single(answer.Citations).PaperId);
    }

    [Fact]
    public async Task AskAsync_SelectedSourceNotFoundAgain_AnswersFromThePreviousTurnsEvidence()
    {
        var keyword = FakeRetriever.OverPapers(All);
        var retriever = new FakeRetriever((request, ct) => request.RestrictTo is null
            ? keyword.RetrieveAsync(request, ct)
            : Task.FromResult(new RetrievalResult(request.Query, [], HasRelevantEvidence: false)));
        var sut = CreateSut(retriever);
        await sut.AskAsync(SpeechQuestion, _conversation);

        var answer = await sut.AskAsync("the first one", _conversation);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal(_conversation.Turns[0].Answer.Citations[0].PaperId, Assert.Single(answer.Citations).PaperId);
        CitationChecks.AssertQuotesVerbatim(answer, All);
    }

    [Fact]
    public async Task AskAsync_NothingRelevant_AnswersNoEvidenceAndRecordsTheTurn()
    {
        var sut = CreateSut(FakeRetriever.OverPapers(All));

        var answer = await sut.AskAsync("quantum chromodynamics on the lattice", _conversation);

        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
        Assert.Empty(answer.Citations);
        Assert.Same(answer, Assert.Single(_conversation.Turns).Answer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AskAsync_WeakEvidence_AnswersNoEvidenceInTheWritersNameWithoutCallingIt(bool streaming)
    {
        var weak = new FakeRetriever((request, _) => Task.FromResult(new RetrievalResult(request.Query, [Retrieved(HuBert, 0.2), Retrieved(Cpc, 0.1)], HasRelevantEvidence: false)));
        var calls = 0;
        var writer = new FakeAnswerWriter((_, _) => Task.FromResult(new Answer(AnswerStatus.Answered, $"call {++calls}", [], "quoting")), "quoting");
        var sut = CreateSut(weak, writer: writer);

        var answer = streaming
            ? (await sut.AskStreamingAsync("Quantum gravity in black holes?", _conversation).SingleAsync()).Answer!
            : await sut.AskAsync("Quantum gravity in black holes?", _conversation);

        Assert.Equal(0, calls);
        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
        Assert.Empty(answer.Citations);
        Assert.Equal("I found nothing in the collection about \u201cquantum gravity in black holes\u201d.", answer.Text);
        Assert.Equal("quoting", answer.Writer);
        Assert.Same(answer, Assert.Single(_conversation.Turns).Answer);
    }

    [Fact]
    public async Task AskAsync_FilterAndTopK_PassedToTheRetriever()
    {
        var retriever = FakeRetriever.OverPapers(All);
        var sut = CreateSut(retriever, topK: 5);
        var filter = new SearchFilter(From: new DateOnly(2021, 1, 1));

        await sut.AskAsync(SpeechQuestion, _conversation, filter);

        Assert.Equal(new RetrievalRequest(SpeechQuestion, 5, filter), retriever.Requests.Single());
    }

    [Fact]
    public async Task AskAsync_RestrictedToMorePapersThanTopK_AsksForAllOfThem()
    {
        // TopK is 1, but "of those" names the previous turn's six papers: the search must be allowed all six.
        var retriever = FakeRetriever.OverPapers(All);
        var sut = CreateSut(retriever, topK: 1);
        _conversation.Add(new ConversationTurn("q", "q", new Answer(AnswerStatus.Answered, "x [1]", [], "extractive"), [.. All.Select(p => Retrieved(p, 0.8))]));

        await sut.AskAsync("which of those uses video?", _conversation);

        Assert.Equal(All.Count, retriever.Requests.Single().TopK);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AskAsync_EmptyQuestion_ThrowsWithAClearMessage(string question)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateSut(FakeRetriever.OverPapers(All)).AskAsync(question, _conversation));

        Assert.StartsWith("Ask a question: the question text is empty.", error.Message, StringComparison.Ordinal);
        Assert.Equal("question", error.ParamName);
    }

    [Fact]
    public async Task SimilarAsync_PaperId_PassedThroughToTheRetriever()
    {
        RetrievedPaper[] similar = [Retrieved(W2vBert, 0.7)];
        var calls = new List<(string, int)>();
        var retriever = new FakeRetriever(
            (request, _) => Task.FromResult(new RetrievalResult(request.Query, [], false)),
            (id, top, _) =>
            {
                calls.Add((id, top));
                return Task.FromResult<IReadOnlyList<RetrievedPaper>>(similar);
            });

        var result = await CreateSut(retriever).SimilarAsync(HuBert.Id, 3);

        Assert.Same(similar, result);
        Assert.Equal([(HuBert.Id, 3)], calls);
    }

    internal static AnswerWriters Writers(IAnswerWriter writer) => new([writer], writer.Name);

    internal static PaperAssistant CreateSut(IPaperRetriever retriever, int topK = 8, IAnswerWriter? writer = null) =>
        new(
            retriever,
            Writers(writer ?? new ExtractiveAnswerWriter()),
            new FollowUpResolver(),
            Options.Create(new RetrievalOptions { TopK = topK }),
            NullLogger<PaperAssistant>.Instance,
            TimeProvider.System);
}
