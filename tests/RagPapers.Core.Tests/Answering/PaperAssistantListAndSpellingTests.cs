using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Questions;
using RagPapers.Retrieval;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering;

/// <summary>How the assistant asks for a list question's evidence, and carries a spelling correction into the answer.</summary>
public sealed class PaperAssistantListAndSpellingTests
{
    [Fact]
    public async Task AskAsync_ListQuestion_RanksCandidatesWithoutMmrAndKeepsThoseAboveTheThreshold()
    {
        // Relevances 0.9, 0.6, 0.36, 0.34, 0.1 against Retrieval:MinRelevance 0.35: three papers are the list.
        var retriever = new FakeRetriever((request, _) => Task.FromResult(new RetrievalResult(
            request.Query,
            [Retrieved(HuBert, 0.9), Retrieved(W2vBert, 0.6), Retrieved(Cpc, 0.36), Retrieved(VicMae, 0.34), Retrieved(VideoCoTraining, 0.1)],
            HasRelevantEvidence: true)));
        AnswerRequest? seen = null;
        var writer = new FakeAnswerWriter((request, _) =>
        {
            seen = request;
            return Task.FromResult(new Answer(AnswerStatus.Answered, "x [1]", [], "fake"));
        });
        var sut = PaperAssistantTests.CreateSut(retriever, writer: writer);

        await sut.AskAsync("Which papers learn speech representations?", new Conversation());

        var request = retriever.Requests.Single();
        Assert.Equal(ListQuestion.CandidatePapers, request.TopK);
        Assert.False(request.Diversify);
        Assert.True(seen!.ListsPapers);
        Assert.Equal([HuBert.Id, W2vBert.Id, Cpc.Id], seen.Evidence.Papers.Select(p => p.Paper.Id));
    }

    [Fact]
    public async Task AskAsync_ListQuestion_ListsTheMostRelevantFirst()
    {
        // Ranked HuBERT, w2v-BERT, CPC with relevances 0.5, 0.9, 0.5: w2v-BERT leads, the tie keeps rank order.
        var retriever = new FakeRetriever((request, _) => Task.FromResult(new RetrievalResult(
            request.Query, [Retrieved(HuBert, 0.5), Retrieved(W2vBert, 0.9), Retrieved(Cpc, 0.5)], HasRelevantEvidence: true)));
        var conversation = new Conversation();

        await PaperAssistantTests.CreateSut(retriever).AskAsync("Which papers learn speech representations?", conversation);

        Assert.Equal([W2vBert.Id, HuBert.Id, Cpc.Id], conversation.Last!.Evidence.Select(p => p.Paper.Id));
    }

    [Fact]
    public async Task AskAsync_ListQuestion_KeepsAtMostTenPapers()
    {
        var papers = Enumerable.Range(0, 15).Select(i => Retrieved(HuBert with { Id = $"p{i}" }, 0.9 - (i * 0.01))).ToArray();
        var retriever = new FakeRetriever((request, _) => Task.FromResult(new RetrievalResult(request.Query, papers, true)));
        var sut = PaperAssistantTests.CreateSut(retriever);
        var conversation = new Conversation();

        await sut.AskAsync("List the papers on speech", conversation);

        Assert.Equal(ListQuestion.MaxPapers, conversation.Last!.Evidence.Count);
    }

    [Fact]
    public async Task AskAsync_OtherQuestion_IsNoList()
    {
        var retriever = FakeRetriever.OverPapers(All);
        AnswerRequest? seen = null;
        var sut = PaperAssistantTests.CreateSut(retriever, writer: new FakeAnswerWriter((request, _) =>
        {
            seen = request;
            return Task.FromResult(new Answer(AnswerStatus.Answered, "x [1]", [], "fake"));
        }));

        await sut.AskAsync("Which method does HuBERT use for its targets?", new Conversation());

        Assert.False(seen!.ListsPapers);
        Assert.True(retriever.Requests.Single().Diversify);
    }

    [Fact]
    public async Task AskAsync_RetrievalCorrectedTheQuestion_AnswerSaysWhatWasSearched()
    {
        var keyword = FakeRetriever.OverPapers(All);
        var retriever = new FakeRetriever(async (request, ct) =>
            await keyword.RetrieveAsync(request with { Query = "masked prediction for speech" }, ct) with { Query = request.Query, SearchedFor = "masked prediction for speech" });
        var sut = PaperAssistantTests.CreateSut(retriever);
        var conversation = new Conversation();

        var answer = await sut.AskAsync("masked predicton for speach", conversation);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal("masked prediction for speech", answer.SearchedFor);
        Assert.Same(answer, conversation.Last!.Answer);
    }

    [Fact]
    public async Task AskAsync_QuestionSearchedAsAsked_HasNoSearchedFor()
    {
        var answer = await PaperAssistantTests.CreateSut(FakeRetriever.OverPapers(All)).AskAsync(PaperAssistantTests.SpeechQuestion, new Conversation());

        Assert.Null(answer.SearchedFor);
    }
}
