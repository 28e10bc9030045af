namespace RagPapers.Answering.Contracts;

public enum AnswerUpdateKind
{
    /// <summary>More answer text; append <see cref="AnswerUpdate.Text"/>.</summary>
    Delta,

    /// <summary>The answer is done; <see cref="AnswerUpdate.Answer"/> holds it.</summary>
    Completed,
}
