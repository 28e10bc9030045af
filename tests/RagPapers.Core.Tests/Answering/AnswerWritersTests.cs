using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Retrieval;
using static RagPapers.Core.Tests.Answering.SamplePapers;

namespace RagPapers.Core.Tests.Answering;

public sealed class AnswerWritersTests
{
    private static readonly FakeAnswerWriter Quoting = new((r, _) => Task.FromResult(new Answer(AnswerStatus.Answered, "quoted [1]", [], "quoting")), "quoting");
    private static readonly FakeAnswerWriter Fluent = new((r, _) => Task.FromResult(new Answer(AnswerStatus.Answered, "fluent [1]", [], "fluent")), "fluent");

    [Fact]
    public async Task AskAsync_WriterNamed_UsesThatWriterAndOtherwiseTheDefault()
    {
        var sut = Create(new AnswerWriters([Quoting, Fluent], "quoting"));

        var named = await sut.AskAsync(PaperAssistantTests.SpeechQuestion, new Conversation(), null, "FLUENT");
        var unnamed = await sut.AskAsync(PaperAssistantTests.SpeechQuestion, new Conversation());

        Assert.Equal("fluent", named.Writer);
        Assert.Equal("quoting", unnamed.Writer);
    }

    [Fact]
    public async Task AskAsync_UnknownWriter_ThrowsListingTheAvailableOnesAndHowToEnableTheLlm()
    {
        var sut = Create(new AnswerWriters([Quoting], "quoting"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.AskAsync("q", new Conversation(), null, "llm"));

        Assert.StartsWith("The answer writer 'llm' is not available; available: quoting. The llm writer needs Chat:Provider \"OpenAI\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultNotAmongTheWriters_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new AnswerWriters([Quoting], "fluent"));

        Assert.Contains("No answer writer is named 'fluent'; available: quoting.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskStreamingAsync_WriterThatCannotStream_YieldsOneCompletedUpdate()
    {
        var sut = Create(new AnswerWriters([Quoting], "quoting"));
        var conversation = new Conversation();

        var updates = new List<AnswerUpdate>();
        await foreach (var update in sut.AskStreamingAsync(PaperAssistantTests.SpeechQuestion, conversation))
        {
            updates.Add(update);
        }

        var only = Assert.Single(updates);
        Assert.Equal(AnswerUpdateKind.Completed, only.Kind);
        Assert.Same(only.Answer, Assert.Single(conversation.Turns).Answer);
    }

    private static PaperAssistant Create(AnswerWriters writers) =>
        new(FakeRetriever.OverPapers(All), writers, new FollowUpResolver(), Options.Create(new RetrievalOptions()), NullLogger<PaperAssistant>.Instance, TimeProvider.System);
}
