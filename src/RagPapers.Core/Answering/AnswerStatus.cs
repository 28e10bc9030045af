namespace RagPapers.Answering;

public enum AnswerStatus
{
    Answered,
    NoEvidence,
    Cancelled,
}
