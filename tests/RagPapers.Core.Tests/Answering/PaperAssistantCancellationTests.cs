using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Answering.FollowUps;
using RagPapers.Retrieval;
using static RagPapers.Core.Tests.Answering.PaperAssistantTests;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering;

/// <summary>Ctrl-C cancels one answer: cancelled before, during or after a call, and cancellation the caller did not ask for.</summary>
public sealed class PaperAssistantCancellationTests
{
    private readonly Conversation _conversation = new();

    [Fact]
    public async Task AskAsync_CancelledBefore_ReturnsCancelledWithoutSearching()
    {
        var retriever = FakeRetriever.OverPapers(All);
        var sut = CreateSut(retriever);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var answer = await sut.AskAsync(SpeechQuestion, _conversation, cancellationToken: cts.Token);

        AssertCancelled(answer);
        Assert.Empty(retriever.Requests);
    }

    [Fact]
    public async Task AskAsync_CancelledDuringRetrieval_ReturnsCancelled()
    {
        using var cts = new CancellationTokenSource();
        var retriever = new FakeRetriever(async (request, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return new RetrievalResult(request.Query, [], false);
        });

        var answer = await CreateSut(retriever).AskAsync(SpeechQuestion, _conversation, cancellationToken: cts.Token);

        AssertCancelled(answer);
    }

    [Fact]
    public async Task AskAsync_CancelledDuringWriting_ReturnsCancelled()
    {
        using var cts = new CancellationTokenSource();
        var writer = new FakeAnswerWriter(async (request, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return new Answer(AnswerStatus.Answered, "never", [], "fake");
        });
        var sut = CreateSut(FakeRetriever.OverPapers(All), writer: writer);

        var answer = await sut.AskAsync(SpeechQuestion, _conversation, cancellationToken: cts.Token);

        AssertCancelled(answer, "fake");
    }

    [Fact]
    public async Task AskAsync_CancelledAfter_KeepsTheAnswerAndTheTurn()
    {
        using var cts = new CancellationTokenSource();
        var sut = CreateSut(FakeRetriever.OverPapers(All));

        var answer = await sut.AskAsync(SpeechQuestion, _conversation, cancellationToken: cts.Token);
        await cts.CancelAsync();

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Single(_conversation.Turns);
    }

    [Fact]
    public async Task AskAsync_CancellationNotRequestedByCaller_Propagates()
    {
        // A timeout inside a lower layer is a failure, not the user's cancel.
        var retriever = new FakeRetriever((_, _) => throw new OperationCanceledException("timed out"));

        await Assert.ThrowsAsync<OperationCanceledException>(() => CreateSut(retriever).AskAsync(SpeechQuestion, _conversation));
        Assert.Empty(_conversation.Turns);
    }

    private void AssertCancelled(Answer answer, string writer = ExtractiveAnswerWriter.WriterName)
    {
        Assert.Equal(AnswerStatus.Cancelled, answer.Status);
        Assert.Equal("Cancelled.", answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Equal(writer, answer.Writer);
        Assert.Empty(_conversation.Turns);
    }
}
