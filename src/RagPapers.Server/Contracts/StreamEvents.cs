using System.Text.Json.Serialization;
using RagPapers.Answering.Contracts;

namespace RagPapers.Server.Contracts;

/// <summary>Data of an SSE "delta" event: the next piece of the answer text; the pieces concatenate to the answer.</summary>
public sealed record AnswerDeltaEvent(string Text);

/// <summary>Data of the SSE "answer" event: the whole final text, sent when it differs from the streamed deltas.</summary>
public sealed record AnswerTextEvent(string Text);

/// <summary>Data of the SSE "citations" event, sent once after the last delta.</summary>
public sealed record CitationsEvent(IReadOnlyList<CitationDto> Citations);

/// <summary>Data of the SSE "done" event, the last one of a stream; searchedFor only when spelling correction changed the question.</summary>
public sealed record DoneEvent(
    string Status,
    string Writer,
    string? Notice,
    string ConversationId,
    AskTimingsDto Timings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SearchedFor = null);
