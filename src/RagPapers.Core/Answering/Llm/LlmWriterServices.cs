using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering.Llm;

/// <summary>What every answer attempt of the LLM writer draws on; one instance per writer.</summary>
internal sealed record LlmWriterServices(
    Kernel Kernel,
    PromptLibrary Prompts,
    IPaperRetriever Retriever,
    IPaperIndex Index,
    ChatOptions Options,
    TimeProvider Time,
    ILogger Logger)
{
    public DateOnly Today() => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
}
