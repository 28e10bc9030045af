using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using RagPapers.Answering.Contracts;
using RagPapers.OpenAICompatible;

namespace RagPapers.Answering.Llm;

/// <summary>
/// One attempt at an answer: the numbered sources, the chat history (system prompt, then the answer prompt with
/// the sources block), the execution settings, and, with tools, a clone of the kernel carrying this answer's
/// papers plugin and step limit. Kernel clones are cheap and keep concurrent answers' sources apart.
/// </summary>
internal sealed class LlmAnswerRun
{
    private const int ToolSearchTop = 5;

    private readonly IChatCompletionService _chat;
    private readonly Kernel _kernel;
    private readonly ChatHistory _history;
    private readonly OpenAIPromptExecutionSettings _settings;
    private readonly ToolStepLimit? _limit;

    public LlmAnswerRun(LlmWriterServices services, AnswerRequest request, bool tools)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        var options = services.Options;
        // A list question's evidence is the list itself (at most ListQuestion.MaxPapers papers): all of it is given.
        Book = new SourceBook(request.ListsPapers ? request.Evidence.Papers : request.Evidence.Papers.Take(options.MaxSources));
        Citations = new CitationRewriter(Book.Contains);
        _kernel = services.Kernel.Clone();
        _chat = _kernel.GetRequiredService<IChatCompletionService>();
        _settings = new OpenAIPromptExecutionSettings { Temperature = options.Temperature, MaxTokens = options.MaxOutputTokens };
        if (tools)
        {
            _limit = new ToolStepLimit(options.MaxToolSteps, services.Logger);
            _kernel.AutoFunctionInvocationFilters.Add(_limit);
            _kernel.Plugins.AddFromObject(new PapersPlugin(services.Retriever, services.Index, Book, request.Filter, ToolSearchTop), PapersPlugin.PluginName);
            _settings.FunctionChoiceBehavior = FunctionChoiceBehavior.Auto();
        }

        var today = services.Today();
        _history = new ChatHistory(services.Prompts.System(today));
        _history.AddUserMessage(services.Prompts.Answer(SourceBlocks.FormatAll(Book), request.StandaloneQuestion, today));
        Log.Prompt(services.Logger, _history[^1].Content ?? "");
    }

    public SourceBook Book { get; }

    public CitationRewriter Citations { get; }

    /// <summary>The model's whole answer, citation-checked (not yet composed).</summary>
    /// <exception cref="LlmAnswerException">The model was still calling tools when the step budget ran out.</exception>
    public async Task<string> CompleteAsync(CancellationToken cancellationToken)
    {
        var reply = await _chat.GetChatMessageContentAsync(_history, _settings, _kernel, cancellationToken);
        ThrowIfToolLoop(reply.Role != AuthorRole.Assistant);
        return Citations.Rewrite(reply.Content ?? "");
    }

    /// <summary>The model's answer as citation-checked deltas; the last one is the held-back remainder.</summary>
    public async IAsyncEnumerable<string> StreamAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in _chat.GetStreamingChatMessageContentsAsync(_history, _settings, _kernel, cancellationToken))
        {
            if (!string.IsNullOrEmpty(chunk.Content) && Citations.Append(chunk.Content) is { Length: > 0 } delta)
            {
                yield return delta;
            }
        }

        ThrowIfToolLoop(false);
        if (Citations.Flush() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    private void ThrowIfToolLoop(bool endedOnToolResult)
    {
        if (endedOnToolResult || _limit?.Exhausted == true)
        {
            throw new LlmAnswerException(new LlmFailure(LlmFailureKind.ToolLoop));
        }
    }
}
