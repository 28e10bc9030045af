using System.Text;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using RagPapers.Answering.FollowUps;
using RagPapers.OpenAICompatible;

namespace RagPapers.Answering.Llm;

/// <summary>
/// Rewrites a follow-up into a standalone question with prompts/followup.txt: the last turns (questions and
/// answers, shortened) and the new message, one short non-streaming call without tools. Any failure returns
/// null, and PaperAssistant keeps the rule-based resolution.
/// </summary>
internal sealed class LlmFollowUpRewriter(LlmWriterServices services)
{
    internal const int HistoryTurns = 3;
    internal const int MaxAnswerChars = 400;
    internal const int MaxQuestionChars = 500;
    private const int MaxTokens = 200;

    public async Task<string?> RewriteAsync(string question, Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(conversation);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(services.Options.TimeoutSeconds), services.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var history = new ChatHistory();
        history.AddUserMessage(services.Prompts.FollowUp(History(conversation), question, services.Today()));
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = MaxTokens };
        try
        {
            var chat = services.Kernel.GetRequiredService<IChatCompletionService>();
            var reply = await chat.GetChatMessageContentAsync(history, settings, services.Kernel, linked.Token);
            var standalone = Clean(reply.Content);
            Log.Rewritten(services.Logger, question, standalone ?? "(nothing usable)");
            return standalone;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = ex is OperationCanceledException && timeout.IsCancellationRequested ? new LlmFailure(LlmFailureKind.TimedOut) : LlmFailure.From(ex);
            Log.RewriteFailed(services.Logger, failure.Kind, failure.Status);
            return null;
        }
    }

    /// <summary>The last turns as "User: …" / "Assistant: …" lines, answers shortened and escaped like source text.</summary>
    internal static string History(Conversation conversation)
    {
        var text = new StringBuilder();
        foreach (var turn in conversation.Turns.TakeLast(HistoryTurns))
        {
            var answer = turn.Answer.Text.ReplaceLineEndings(" ");
            if (answer.Length > MaxAnswerChars)
            {
                answer = answer[..MaxAnswerChars] + "\u2026";
            }

            text.Append("User: ").Append(SourceBlocks.Text(turn.Question.ReplaceLineEndings(" "))).Append('\n');
            text.Append("Assistant: ").Append(SourceBlocks.Text(answer)).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The first non-empty line without quotes or a "Standalone question:" label; null when nothing usable is left.</summary>
    internal static string? Clean(string? reply)
    {
        var line = (reply ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and < 30 && line[..colon].Contains("question", StringComparison.OrdinalIgnoreCase))
        {
            line = line[(colon + 1)..].Trim();
        }

        line = line.Trim('"', '\'', '\u201c', '\u201d', '`').Trim();
        return line.Length is > 0 and <= MaxQuestionChars ? line : null;
    }
}
