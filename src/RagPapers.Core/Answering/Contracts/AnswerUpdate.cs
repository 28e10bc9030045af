namespace RagPapers.Answering.Contracts;

/// <summary>One step of a streamed answer: a text delta, or the completed <see cref="Contracts.Answer"/>.</summary>
public sealed record AnswerUpdate(AnswerUpdateKind Kind, string Text, Answer? Answer)
{
    public static AnswerUpdate Delta(string text) => new(AnswerUpdateKind.Delta, text, null);

    public static AnswerUpdate Completed(Answer answer) => new(AnswerUpdateKind.Completed, "", answer ?? throw new ArgumentNullException(nameof(answer)));
}
