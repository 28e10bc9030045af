using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Questions;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Answering;

/// <summary>The assistant on the real bundled collection: what it cites was retrieved, and what it quotes is verbatim.</summary>
[Collection(BundledCollectionGroup.Name)]
public sealed class GroundedAnswerTests(BundledCollection collection)
{
    [Theory]
    [InlineData("How can self-supervised learning help speaker verification without labels?")]
    [InlineData("Which papers learn video representations with contrastive objectives?")]
    [InlineData("How do masked autoencoders help medical imaging with small datasets?")]
    [InlineData("What problems does knowledge distillation with a teacher network have?")]
    public async Task AskAsync_AnswerableQuestion_CitesOnlyRetrievedPapersWithVerbatimQuotes(string question)
    {
        var sut = collection.Get<PaperAssistant>();
        // A list question ("Which papers …") is retrieved deeper and in relevance order, as the assistant does.
        var request = ListQuestion.IsList(question) ? new RetrievalRequest(question, ListQuestion.CandidatePapers, Diversify: false) : new RetrievalRequest(question);
        var retrieved = await collection.Get<IPaperRetriever>().RetrieveAsync(request);
        var conversation = new Conversation();

        var answer = await sut.AskAsync(question, conversation);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.NotEmpty(answer.Citations);
        var retrievedIds = retrieved.Papers.Select(p => p.Paper.Id).ToHashSet();
        var evidence = conversation.Last!.Evidence.ToDictionary(p => p.Paper.Id);
        foreach (var citation in answer.Citations)
        {
            Assert.Contains(citation.PaperId, retrievedIds);
            Assert.Contains(citation.Quote, evidence[citation.PaperId].Paper.Abstract, StringComparison.Ordinal);
            Assert.Contains($"[{citation.N}]", answer.Text, StringComparison.Ordinal);
        }

        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
    }

    [Theory]
    [InlineData("What is the best recipe for sourdough bread?")]
    [InlineData("What were the causes of the French Revolution?")]
    public async Task AskAsync_TopicAbsentFromTheCollection_AnswersFoundNothing(string question)
    {
        var sut = collection.Get<PaperAssistant>();

        var answer = await sut.AskAsync(question, new Conversation());

        Assert.Equal(AnswerStatus.NoEvidence, answer.Status);
        Assert.Empty(answer.Citations);
        Assert.Contains("found nothing", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AskAsync_WhichOfThoseFollowUp_StaysWithinThePreviousEvidence()
    {
        var sut = collection.Get<PaperAssistant>();
        var conversation = new Conversation();
        await sut.AskAsync("Which papers use contrastive learning for self-supervised representations?", conversation);
        var previous = conversation.Last!.Evidence.Select(p => p.Paper.Id).ToHashSet();

        var answer = await sut.AskAsync("which of those uses video?", conversation);

        Assert.All(answer.Citations, c => Assert.Contains(c.PaperId, previous));
    }
}
