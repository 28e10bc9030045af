namespace RagPapers.Answering.Contracts;

/// <summary>Turns retrieved evidence into an <see cref="Answer"/>.</summary>
public interface IAnswerWriter
{
    /// <summary>Name shown in the answer contract ("extractive", "llm").</summary>
    string Name { get; }

    Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default);
}
