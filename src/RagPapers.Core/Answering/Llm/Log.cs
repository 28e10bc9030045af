using Microsoft.Extensions.Logging;
using RagPapers.OpenAICompatible;

namespace RagPapers.Answering.Llm;

/// <summary>Log messages of the LLM writer. Prompts, questions and answers only at Trace; keys never.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "LLM writer ready: model {Model} at {Endpoint}, tools {UseTools}")]
    public static partial void Ready(ILogger logger, string model, string endpoint, string useTools);

    [LoggerMessage(102, LogLevel.Information, "LLM answer failed ({Kind}, status {Status}); showing the extractive answer. {Detail}")]
    public static partial void AnswerFailed(ILogger logger, LlmFailureKind kind, int? status, string detail);

    [LoggerMessage(103, LogLevel.Warning, "The chat endpoint rejected the tool definitions (status {Status}); answering without tools from now on")]
    public static partial void ToolsRejected(ILogger logger, int? status);

    [LoggerMessage(104, LogLevel.Information, "LLM answer: {Cited} sources cited of {Given} given, {Removed} citations removed, in {ElapsedMs:F0} ms")]
    public static partial void Answered(ILogger logger, int cited, int given, int removed, double elapsedMs);

    [LoggerMessage(105, LogLevel.Debug, "Tool {Function} called at step {Step}")]
    public static partial void ToolCalled(ILogger logger, string function, int step);

    [LoggerMessage(106, LogLevel.Warning, "Tool {Function} refused at step {Step}: the step budget is spent")]
    public static partial void ToolRefused(ILogger logger, string function, int step);

    [LoggerMessage(107, LogLevel.Warning, "Follow-up rewrite failed ({Kind}, status {Status}); using the rule-based resolution")]
    public static partial void RewriteFailed(ILogger logger, LlmFailureKind kind, int? status);

    [LoggerMessage(108, LogLevel.Trace, "Follow-up {Question} rewritten to {Standalone}")]
    public static partial void Rewritten(ILogger logger, string question, string standalone);

    [LoggerMessage(109, LogLevel.Trace, "LLM prompt: {Prompt}")]
    public static partial void Prompt(ILogger logger, string prompt);

    [LoggerMessage(110, LogLevel.Trace, "LLM raw answer: {Text}")]
    public static partial void RawAnswer(ILogger logger, string text);

    [LoggerMessage(112, LogLevel.Information, "LLM answer canceled")]
    public static partial void Canceled(ILogger logger);
}
