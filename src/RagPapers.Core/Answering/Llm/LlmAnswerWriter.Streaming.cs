using System.Runtime.CompilerServices;
using RagPapers.Answering.Contracts;
using RagPapers.OpenAICompatible;
using RagPapers.Text;

namespace RagPapers.Answering.Llm;

public sealed partial class LlmAnswerWriter
{
    /// <summary>
    /// Streams the model's citation-checked text as it arrives, shown as people read it (LaTeX cleaned, as the final
    /// answer is), then the final answer. When the model fails after some text was shown, the final answer is the
    /// extractive one with its notice; the front-end shows it again.
    /// </summary>
    public async IAsyncEnumerable<AnswerUpdate> WriteStreamingAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var started = _services.Time.GetTimestamp();
        using var timeout = new CancellationTokenSource(Timeout, _services.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var tools = ToolsEnabled;
        var run = new LlmAnswerRun(_services, request, tools);
        var streamed = false;
        await using var deltas = run.StreamAsync(linked.Token).GetAsyncEnumerator(linked.Token);
        var text = new System.Text.StringBuilder();
        var display = new DisplayTextStream();
        while (true)
        {
            var (delta, failure) = await NextDeltaAsync(deltas, timeout, cancellationToken);
            if (failure is not null && !streamed && tools && failure.Kind == LlmFailureKind.ToolsRejected && ShouldRetryWithoutTools(failure.Exception, cancellationToken))
            {
                yield return AnswerUpdate.Completed(await WriteWithoutToolsAsync(request, timeout, linked.Token, cancellationToken));
                yield break;
            }

            if (failure is not null)
            {
                yield return AnswerUpdate.Completed(await FallbackAsync(request, failure.Failure, cancellationToken));
                yield break;
            }

            if (delta is null)
            {
                break;
            }

            streamed = true;
            text.Append(delta);
            if (display.Append(delta) is { Length: > 0 } shown)
            {
                yield return AnswerUpdate.Delta(shown);
            }
        }

        if (display.Flush() is { Length: > 0 } rest)
        {
            yield return AnswerUpdate.Delta(rest);
        }

        yield return AnswerUpdate.Completed(await ComposeOrFallBackAsync(request, text.ToString(), run, started, cancellationToken));
    }

    private async Task<Answer> ComposeOrFallBackAsync(AnswerRequest request, string text, LlmAnswerRun run, long started, CancellationToken cancellationToken)
    {
        try
        {
            return Succeeded(text, run, started);
        }
        catch (LlmAnswerException ex)
        {
            return await FallbackAsync(request, ex.Failure, cancellationToken);
        }
    }

    // After a tools rejection nothing was shown yet, so the retry without tools is answered whole.
    private async Task<Answer> WriteWithoutToolsAsync(AnswerRequest request, CancellationTokenSource timeout, CancellationToken token, CancellationToken cancellationToken)
    {
        var started = _services.Time.GetTimestamp();
        try
        {
            var run = new LlmAnswerRun(_services, request, tools: false);
            return Succeeded(await run.CompleteAsync(token), run, started);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return await FallbackAsync(request, Classify(ex, timeout), cancellationToken);
        }
    }

    // C# forbids yield inside a try with a catch, so each step is awaited here. A cancellation the caller asked
    // for propagates; every other failure comes back classified.
    private async Task<(string? Delta, StreamFailure? Failure)> NextDeltaAsync(IAsyncEnumerator<string> deltas, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await deltas.MoveNextAsync() ? (deltas.Current, null) : (null, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new StreamFailure(Classify(ex, timeout), ex));
        }
    }

    private sealed record StreamFailure(LlmFailure Failure, Exception Exception)
    {
        public LlmFailureKind Kind => Failure.Kind;
    }
}
