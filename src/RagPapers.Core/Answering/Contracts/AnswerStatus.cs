namespace RagPapers.Answering.Contracts;

public enum AnswerStatus
{
    Answered,
    NoEvidence,
    Cancelled,
}
