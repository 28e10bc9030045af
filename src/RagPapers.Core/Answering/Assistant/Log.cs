using Microsoft.Extensions.Logging;
using RagPapers.Answering.Contracts;

namespace RagPapers.Answering.Assistant;

/// <summary>Log messages of the answering area. Question text is logged only at Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Trace, "Question {Question} resolved to {Standalone}")]
    public static partial void QuestionResolved(ILogger logger, string question, string standalone);

    [LoggerMessage(2, LogLevel.Debug, "Follow-up restricted to {RestrictedCount} papers, selected source {SelectedSource}")]
    public static partial void FollowUpRestricted(ILogger logger, int restrictedCount, int? selectedSource);

    [LoggerMessage(3, LogLevel.Warning, "Selected source {PaperId} is neither in the new evidence nor in the previous turn's")]
    public static partial void SelectedSourceMissing(ILogger logger, string paperId);

    [LoggerMessage(4, LogLevel.Information, "Answer {Status} by {Writer}: {CitationCount} citations from {EvidenceCount} papers in {ElapsedMs:F1} ms")]
    public static partial void Answered(ILogger logger, AnswerStatus status, string writer, int citationCount, int evidenceCount, double elapsedMs);

    [LoggerMessage(5, LogLevel.Information, "Answer canceled after {ElapsedMs:F1} ms")]
    public static partial void AnswerCanceled(ILogger logger, double elapsedMs);

    [LoggerMessage(6, LogLevel.Debug, "List question: {Listed} of {Ranked} ranked papers are above the relevance threshold")]
    public static partial void ListRetrieved(ILogger logger, int listed, int ranked);
}
