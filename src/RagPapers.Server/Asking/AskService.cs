using System.Runtime.CompilerServices;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Server.Conversations;
using RagPapers.Server.Telemetry;

namespace RagPapers.Server.Asking;

/// <summary>
/// Answers a validated question through the core's PaperAssistant, inside its server-side conversation, with the
/// writer the request named, and records timings and metrics. Front-end glue only: the answering is the core's.
/// </summary>
public sealed class AskService(
    PaperAssistant assistant,
    ConversationStore conversations,
    ServerMetrics metrics,
    TimeProvider time)
{
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
        using var activity = AskActivity.Start(timings);
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

        var timings = new AskTimings(time);
        using var activity = AskActivity.Start(timings);
        await foreach (var update in assistant.AskStreamingAsync(ask.Question, lease.Conversation, ask.Filter, ask.Writer, cancellationToken))
        {
            yield return update.Kind == AnswerUpdateKind.Delta
                ? new AskStreamItem(update.Text, null)
                : new AskStreamItem(null, Finish(update.Answer!, lease.Id, timings));
        }
    }

    private AskOutcome Finish(Answer answer, string conversationId, AskTimings timings)
    {
        timings.Finish();
        metrics.RecordAnswer(answer, timings.Retrieval, timings.Answer, timings.Total);
        return new AskOutcome(answer, conversationId, timings.ToDto());
    }
}
