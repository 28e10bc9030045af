namespace RagPapers.Answering.Contracts;

/// <summary>
/// Turns retrieved evidence into an <see cref="Answer"/>. PaperAssistant hands a writer only evidence retrieval judged
/// relevant (<see cref="Retrieval.RetrievalResult.HasRelevantEvidence"/>) and answers "nothing found" itself, so a writer
/// never decides that again.
/// </summary>
public interface IAnswerWriter
{
    /// <summary>Name shown in the answer contract ("extractive", "llm").</summary>
    string Name { get; }

    Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default);
}
