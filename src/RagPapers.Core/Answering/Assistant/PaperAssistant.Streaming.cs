using System.Runtime.CompilerServices;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Storage;

namespace RagPapers.Answering.Assistant;

public sealed partial class PaperAssistant
{
    /// <summary>
    /// Answers like <see cref="AskAsync(string, Conversation, SearchFilter?, string?, CancellationToken)"/>, but yields the
    /// answer's text deltas as the writer produces them (a writer that cannot stream yields none), then exactly one
    /// Completed update with the final answer, which is what is recorded in the conversation. Cancellation ends the
    /// sequence with a Completed update whose answer has status Cancelled; it does not throw.
    /// </summary>
    /// <exception cref="ArgumentException">The question is empty, or no writer has that name (thrown on the first MoveNextAsync).</exception>
    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(
        string question,
        Conversation conversation,
        SearchFilter? filter = null,
        string? writer = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chosen = Validate(question, conversation, writer);
        var started = _time.GetTimestamp();
        var request = await TryPrepareAsync(question, conversation, filter, chosen, cancellationToken);
        if (request is null)
        {
            yield return AnswerUpdate.Completed(Cancelled(chosen, started));
            yield break;
        }

        var updates = chosen is IStreamingAnswerWriter streaming && request.Evidence.HasRelevantEvidence
            ? streaming.WriteStreamingAsync(request, cancellationToken)
            : WholeAnswerAsync(chosen, request, cancellationToken);
        await using var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var (update, cancelled) = await NextAsync(enumerator, cancellationToken);
            if (cancelled)
            {
                yield return AnswerUpdate.Completed(Cancelled(chosen, started));
                yield break;
            }

            if (update is null)
            {
                throw new InvalidOperationException($"The answer writer '{chosen.Name}' ended its stream without a completed answer.");
            }

            if (update.Kind == AnswerUpdateKind.Delta)
            {
                yield return update;
                continue;
            }

            var answer = cancellationToken.IsCancellationRequested ? Cancelled(chosen, started) : Complete(request, update.Answer!, conversation, started, cancellationToken);
            yield return AnswerUpdate.Completed(answer);
            yield break;
        }
    }

    /// <summary>The request for the writer, or null when the caller cancelled while resolving or retrieving.</summary>
    private async Task<AnswerRequest?> TryPrepareAsync(string question, Conversation conversation, SearchFilter? filter, IAnswerWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            return await PrepareAsync(question, conversation, filter, writer, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async IAsyncEnumerable<AnswerUpdate> WholeAnswerAsync(IAnswerWriter writer, AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return AnswerUpdate.Completed(await WriteAsync(writer, request, cancellationToken));
    }

    // C# forbids yield inside a try with a catch, so each step is awaited here; a cancellation the caller asked
    // for becomes a flag, anything else propagates.
    private static async Task<(AnswerUpdate? Update, bool Cancelled)> NextAsync(IAsyncEnumerator<AnswerUpdate> enumerator, CancellationToken cancellationToken)
    {
        try
        {
            return await enumerator.MoveNextAsync() ? (enumerator.Current, false) : (null, false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, true);
        }
    }
}
