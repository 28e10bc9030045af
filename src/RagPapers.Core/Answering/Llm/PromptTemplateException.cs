namespace RagPapers.Answering.Llm;

/// <summary>A prompt file is missing or malformed; the message names the file (and line) and what to fix.</summary>
public sealed class PromptTemplateException(string message) : Exception(message);
