using RagPapers.OpenAICompatible;

namespace RagPapers.Answering.Llm;

/// <summary>An LLM answer that cannot be used, with its classified failure; caught by the writer, which falls back.</summary>
internal sealed class LlmAnswerException(LlmFailure failure) : Exception(failure.Notice)
{
    public LlmFailure Failure { get; } = failure;
}
