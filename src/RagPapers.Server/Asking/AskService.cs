using RagPapers.Answering;
using RagPapers.Retrieval;
using RagPapers.Server.Conversations;
using RagPapers.Server.Telemetry;

namespace RagPapers.Server.Asking;

/// <summary>
/// Answers a validated question through the core's PaperAssistant, inside its server-side conversation, with the
/// writer the request chose, and records timings and metrics. Front-end glue only: the answering is the core's.
/// </summary>
public sealed class AskService(
    IServiceProvider services,
    IPaperRetriever retriever,
    ConversationStore conversations,
    ServerMetrics metrics,
    TimeProvider time)
{
    // PaperAssistant is built per ask with the timed retriever and the chosen writer; the factory resolves the rest
    // of its constructor from DI, so a change there does not ripple into the server.
    private static readonly ObjectFactory<PaperAssistant> AssistantFactory =
        ActivatorUtilities.CreateFactory<PaperAssistant>([typeof(IPaperRetriever), typeof(IAnswerWriter)]);

    /// <summary>The answer, or null when the conversation named by the request is unknown or has expired.</summary>
    public async Task<AskOutcome?> AskAsync(ValidAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        using var lease = await conversations.AcquireAsync(ask.ConversationId, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        var timings = new AskTimings(time);
        var assistant = AssistantFactory(services, [new TimedRetriever(retriever, timings), new TimedAnswerWriter(ask.Writer, timings)]);
        var answer = await assistant.AskAsync(ask.Question, lease.Conversation, ask.Filter, cancellationToken);
        metrics.RecordAnswer(answer, timings.Retrieval, timings.Answer, timings.Total);
        return new AskOutcome(answer, lease.Id, timings.ToDto());
    }
}
