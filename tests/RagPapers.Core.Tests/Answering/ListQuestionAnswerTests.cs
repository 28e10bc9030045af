using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;

namespace RagPapers.Core.Tests.Answering;

/// <summary>"Which papers …?" on the made-up collection, through the real store, retriever and extractive writer.</summary>
public sealed class ListQuestionAnswerTests(MadeUpCollection collection) : IClassFixture<MadeUpCollection>
{
    private static readonly string[] RelevantIds = [.. MadeUpCollection.Relevant.Select(p => p.Id)];

    private PaperAssistant Sut => collection.Services.GetService(typeof(PaperAssistant)) as PaperAssistant ?? throw new InvalidOperationException();

    [Theory]
    [InlineData("Which papers use zeolite membranes for carbon capture?")]
    [InlineData("List the papers on zeolites for carbon capture")]
    [InlineData("Are there any papers about capturing carbon with zeolite?")]
    public async Task AskAsync_ListQuestion_CitesEveryRelevantPaperAndNoOther(string question)
    {
        var conversation = new Conversation();

        var answer = await Sut.AskAsync(question, conversation);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal(RelevantIds.Order(), answer.Citations.Select(c => c.PaperId).Order());
        var evidence = conversation.Last!.Evidence.Select(p => p.Paper).ToArray();
        CitationChecks.AssertCitationsConsistent(answer, evidence);
        CitationChecks.AssertQuotesVerbatim(answer, evidence);
        CitationChecks.AssertEverySentenceCited(answer, evidence);
        Assert.Equal(RelevantIds.Length, answer.Text.Split('\n').Length); // one line per paper
    }

    [Fact]
    public async Task AskAsync_SameTopicNotAsAList_CitesAtMostThreePapers()
    {
        var answer = await Sut.AskAsync("How do zeolite membranes capture carbon?", new Conversation());

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.InRange(answer.Citations.Count, 1, 3);
    }

    [Fact]
    public async Task AskAsync_ListQuestionOnAnAbsentTopic_FindsNothing()
    {
        var answer = await Sut.AskAsync("Which papers study volcanic eruptions in Iceland?", new Conversation());

        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AskAsync_MisspeltListQuestion_ListsTheSamePapersAndSaysWhatWasSearched()
    {
        var answer = await Sut.AskAsync("Which papers use zeolite membrnes for carbn capture?", new Conversation());

        Assert.Equal("Which papers use zeolite membranes for carbon capture?", answer.SearchedFor);
        Assert.Equal(RelevantIds.Order(), answer.Citations.Select(c => c.PaperId).Order());
    }
}
