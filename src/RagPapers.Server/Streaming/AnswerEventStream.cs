using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RagPapers.Answering.Contracts;
using RagPapers.Server.Asking;
using RagPapers.Server.Contracts;

namespace RagPapers.Server.Streaming;

/// <summary>
/// The events of /api/ask/stream: "delta" pieces of the answer text as the writer produces them (a writer that
/// cannot stream has its finished text cut into sentences), an "answer" event with the whole text when the checked
/// final answer differs from what was streamed, then "citations", then "done". The ask runs with the request's
/// token, so a client that disconnects cancels it; a conversation that expired between the check and the ask ends
/// the stream with one "error" event.
/// </summary>
public sealed class AnswerEventStream(AskService asker)
{
    public const string DeltaEvent = "delta";
    public const string AnswerEvent = "answer";
    public const string CitationsEvent = "citations";
    public const string DoneEvent = "done";
    public const string ErrorEvent = "error";

    public async IAsyncEnumerable<SseItem<string>> EventsAsync(ValidAsk ask, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var streamed = new StringBuilder();
        await foreach (var item in asker.StreamAsync(ask, cancellationToken))
        {
            if (item.Delta is { } delta)
            {
                streamed.Append(delta);
                yield return Item(new AnswerDeltaEvent(delta), ServerJson.Context.AnswerDeltaEvent, DeltaEvent);
                continue;
            }

            foreach (var closing in Closing(item.Outcome!, streamed.ToString(), cancellationToken))
            {
                yield return closing;
            }

            yield break;
        }

        yield return new SseItem<string>("{\"detail\":\"The conversation has expired; omit conversationId to start a new one.\"}", ErrorEvent);
    }

    private static IEnumerable<SseItem<string>> Closing(AskOutcome outcome, string streamed, CancellationToken cancellationToken)
    {
        var answer = outcome.Answer;
        if (answer.Status == AnswerStatus.Cancelled)
        {
            // The client left, or the stream timed out: nobody reads further, and a timeout not yet answered becomes a 504.
            throw new OperationCanceledException(cancellationToken);
        }

        if (streamed.Length == 0)
        {
            foreach (var piece in AnswerDeltas.Split(answer.Text))
            {
                yield return Item(new AnswerDeltaEvent(piece), ServerJson.Context.AnswerDeltaEvent, DeltaEvent);
            }
        }
        else if (streamed != answer.Text)
        {
            // Citation checks may drop a citation or fall back to the extractive answer: the final text is the authority.
            yield return Item(new AnswerTextEvent(answer.Text), ServerJson.Context.AnswerTextEvent, AnswerEvent);
        }

        var dto = AnswerDto.From(answer);
        yield return Item(new Contracts.CitationsEvent(dto.Citations), ServerJson.Context.CitationsEvent, CitationsEvent);
        yield return Item(new Contracts.DoneEvent(dto.Status, dto.Writer, dto.Notice, outcome.ConversationId, outcome.Timings, dto.SearchedFor), ServerJson.Context.DoneEvent, DoneEvent);
    }

    private static SseItem<string> Item<T>(T data, JsonTypeInfo<T> type, string eventType) =>
        new(JsonSerializer.Serialize(data, type), eventType);
}
