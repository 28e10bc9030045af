using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RagPapers.Answering;
using RagPapers.Server.Asking;
using RagPapers.Server.Contracts;

namespace RagPapers.Server.Streaming;

/// <summary>
/// The events of /api/ask/stream: "delta" pieces of the answer text, then "citations", then "done". The ask runs
/// with the request's token, so a client that disconnects cancels it; a conversation that expired between the
/// check and the ask ends the stream with one "error" event.
/// </summary>
public sealed class AnswerEventStream(AskService asker)
{
    public const string DeltaEvent = "delta";
    public const string CitationsEvent = "citations";
    public const string DoneEvent = "done";
    public const string ErrorEvent = "error";

    public async IAsyncEnumerable<SseItem<string>> EventsAsync(ValidAsk ask, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var outcome = await asker.AskAsync(ask, cancellationToken);
        if (outcome is null)
        {
            yield return new SseItem<string>("{\"detail\":\"The conversation has expired; omit conversationId to start a new one.\"}", ErrorEvent);
            yield break;
        }

        var answer = outcome.Answer;
        if (answer.Status == AnswerStatus.Cancelled)
        {
            // The client left, or the stream timed out: nobody reads further, and a timeout not yet answered becomes a 504.
            throw new OperationCanceledException(cancellationToken);
        }

        foreach (var piece in AnswerDeltas.Split(answer.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Item(new AnswerDeltaEvent(piece), ServerJson.Context.AnswerDeltaEvent, DeltaEvent);
        }

        var dto = AnswerDto.From(answer);
        yield return Item(new Contracts.CitationsEvent(dto.Citations), ServerJson.Context.CitationsEvent, CitationsEvent);
        var done = new Contracts.DoneEvent(dto.Status, dto.Writer, dto.Notice, outcome.ConversationId, outcome.Timings);
        yield return Item(done, ServerJson.Context.DoneEvent, DoneEvent);
    }

    private static SseItem<string> Item<T>(T data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string eventType) =>
        new(JsonSerializer.Serialize(data, type), eventType);
}
