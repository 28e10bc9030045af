using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Answering.FollowUps;
using RagPapers.OpenAICompatible;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering.Llm;

/// <summary>
/// The generative writer: a Semantic Kernel chat model (SK's OpenAI connector on any OpenAI-compatible endpoint)
/// answers from numbered source blocks, may search again with the papers plugin, and streams its text. Every
/// answer is citation-checked; a failure of any kind gives the extractive answer with a one-line notice.
/// </summary>
/// <remarks>
/// Guarantees kept with a model in the loop: a question without relevant evidence never reaches the model (PaperAssistant
/// answers "nothing in the collection" itself, as offline); every [n] left in the text names a source the model was
/// given; an answer citing none of them is replaced by the extractive one; Chat:TimeoutSeconds bounds the wait.
/// </remarks>
public sealed partial class LlmAnswerWriter : IStreamingAnswerWriter, IFollowUpRewriter
{
    public const string WriterName = "llm";

    private readonly LlmWriterServices _services;
    private readonly ExtractiveAnswerWriter _fallback;
    private readonly LlmFollowUpRewriter _rewriter;
    private readonly ILogger<LlmAnswerWriter> _logger;
    private int _toolsRejected;

    public LlmAnswerWriter(
        Kernel kernel,
        PromptLibrary prompts,
        IPaperRetriever retriever,
        IPaperIndex index,
        ExtractiveAnswerWriter fallback,
        IOptions<ChatOptions> options,
        TimeProvider time,
        ILogger<LlmAnswerWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = new LlmWriterServices(kernel, prompts, retriever, index, options.Value, time, logger);
        _fallback = fallback;
        _rewriter = new LlmFollowUpRewriter(_services);
        _logger = logger;
        Log.Ready(logger, options.Value.Model, EndpointText.Redact(options.Value.Endpoint), options.Value.UseTools.ToString());
    }

    public string Name => WriterName;

    /// <summary>Whether the next answer offers the papers tools (Chat:UseTools, unless the server rejected them).</summary>
    public bool ToolsEnabled => _services.Options.UseTools switch
    {
        ChatToolUse.On => true,
        ChatToolUse.Auto => Volatile.Read(ref _toolsRejected) == 0,
        _ => false,
    };

    public async Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var started = _services.Time.GetTimestamp();
        using var timeout = new CancellationTokenSource(Timeout, _services.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var tools = ToolsEnabled;
            while (true)
            {
                var run = new LlmAnswerRun(_services, request, tools);
                try
                {
                    var text = await run.CompleteAsync(linked.Token);
                    return Succeeded(text, run, started);
                }
                catch (Exception ex) when (tools && ShouldRetryWithoutTools(ex, cancellationToken))
                {
                    tools = false;
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return await FallbackAsync(request, Classify(ex, timeout), cancellationToken);
        }
    }

    public Task<string?> RewriteAsync(string question, Conversation conversation, CancellationToken cancellationToken = default) =>
        _rewriter.RewriteAsync(question, conversation, cancellationToken);

    private TimeSpan Timeout => TimeSpan.FromSeconds(_services.Options.TimeoutSeconds);

    private Answer Succeeded(string text, LlmAnswerRun run, long started)
    {
        Log.RawAnswer(_logger, text);
        var answer = LlmAnswerComposer.Compose(text, run.Citations, run.Book);
        Log.Answered(_logger, answer.Citations.Count, run.Book.Count, run.Citations.Removed, _services.Time.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    private LlmFailure Classify(Exception exception, CancellationTokenSource timeout) => exception switch
    {
        LlmAnswerException known => known.Failure,
        OperationCanceledException when timeout.IsCancellationRequested => new LlmFailure(LlmFailureKind.TimedOut, null, $"no answer within {_services.Options.TimeoutSeconds} s"),
        _ => LlmFailure.From(exception),
    };

    // Chat:UseTools Auto: a server that cannot call tools says so with an error on the first request; answer
    // this and every later question without tools instead of falling back each time.
    private bool ShouldRetryWithoutTools(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || _services.Options.UseTools != ChatToolUse.Auto || exception is LlmAnswerException)
        {
            return false;
        }

        var failure = LlmFailure.From(exception);
        if (failure.Kind != LlmFailureKind.ToolsRejected)
        {
            return false;
        }

        Interlocked.Exchange(ref _toolsRejected, 1);
        Log.ToolsRejected(_logger, failure.Status);
        return true;
    }

    private async Task<Answer> FallbackAsync(AnswerRequest request, LlmFailure failure, CancellationToken cancellationToken)
    {
        Log.AnswerFailed(_logger, failure.Kind, failure.Status, failure.Detail);
        var extractive = await _fallback.WriteAsync(request, cancellationToken);
        return extractive with { Notice = failure.Notice };
    }
}
