using System.Runtime.CompilerServices;
using RagPapers.Answering;
using RagPapers.Retrieval;
using RagPapers.Server.Conversations;
using RagPapers.Server.Telemetry;

namespace RagPapers.Server.Asking;

/// <summary>
/// Answers a validated question through the core's PaperAssistant, inside its server-side conversation, with the
/// writer the request named, and records timings and metrics. Front-end glue only: the answering is the core's.
/// </summary>
public sealed class AskService(
    IServiceProvider services,
    IPaperRetriever retriever,
    ConversationStore conversations,
    ServerMetrics metrics,
    TimeProvider time)
{
    // PaperAssistant is built per ask around a retriever that times this ask; the factory resolves the rest of its
    // constructor (the writers, the resolver, options) from DI, so a change there does not ripple into the server.
    private static readonly ObjectFactory<PaperAssistant> AssistantFactory =
        ActivatorUtilities.CreateFactory<PaperAssistant>([typeof(IPaperRetriever)]);

    /// <summary>The answer, or null when the conversation named by the request is unknown or has expired.</summary>
    public async Task<AskOutcome?> AskAsync(ValidAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        using var lease = await conversations.AcquireAsync(ask.ConversationId, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        var (assistant, timings) = Assistant();
        var answer = await assistant.AskAsync(ask.Question, lease.Conversation, ask.Filter, ask.Writer, cancellationToken);
        return Finish(answer, lease.Id, timings);
    }

    /// <summary>
    /// The answer as it is written: text deltas (none from a writer that cannot stream), then one Completed update,
    /// then the outcome. An unknown or expired conversation yields nothing.
    /// </summary>
    public async IAsyncEnumerable<AskStreamItem> StreamAsync(ValidAsk ask, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        using var lease = await conversations.AcquireAsync(ask.ConversationId, cancellationToken);
        if (lease is null)
        {
            yield break;
        }

        var (assistant, timings) = Assistant();
        await foreach (var update in assistant.AskStreamingAsync(ask.Question, lease.Conversation, ask.Filter, ask.Writer, cancellationToken))
        {
            yield return update.Kind == AnswerUpdateKind.Delta
                ? new AskStreamItem(update.Text, null)
                : new AskStreamItem(null, Finish(update.Answer!, lease.Id, timings));
        }
    }

    private (PaperAssistant Assistant, AskTimings Timings) Assistant()
    {
        var timings = new AskTimings(time);
        return (AssistantFactory(services, [new TimedRetriever(retriever, timings)]), timings);
    }

    private AskOutcome Finish(Answer answer, string conversationId, AskTimings timings)
    {
        timings.Finish();
        metrics.RecordAnswer(answer, timings.Retrieval, timings.Answer, timings.Total);
        return new AskOutcome(answer, conversationId, timings.ToDto());
    }
}
