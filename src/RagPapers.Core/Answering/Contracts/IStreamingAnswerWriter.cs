namespace RagPapers.Answering.Contracts;

/// <summary>
/// A writer that can show its answer while it is being written: text deltas as they arrive, then exactly one
/// <see cref="AnswerUpdateKind.Completed"/> update with the checked <see cref="Answer"/>.
/// </summary>
/// <remarks>
/// The final answer is the authority: citation checks run on the whole text and may remove a citation or replace
/// the text (the extractive fallback), so a front-end that printed the deltas compares them with
/// <see cref="Answer.Text"/> and shows the final text again when they differ. PaperAssistant.AskStreamingAsync is
/// the entry point front-ends use (the REPL today; the HTTP API's SSE endpoint can map Delta to an event and
/// Completed to the answer contract).
/// </remarks>
public interface IStreamingAnswerWriter : IAnswerWriter
{
    IAsyncEnumerable<AnswerUpdate> WriteStreamingAsync(AnswerRequest request, CancellationToken cancellationToken = default);
}
