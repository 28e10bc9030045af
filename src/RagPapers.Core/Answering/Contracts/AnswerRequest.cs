using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering.Contracts;

/// <summary>The question (as asked and made standalone) with the evidence retrieved for it and the filter the search used.</summary>
/// <param name="Filter">The caller's search filter (dates, source file), so a writer that searches again honours it.</param>
/// <param name="PreviousSources">When the question was about the previous answer's sources ("which of those…"), how many there were; else 0.</param>
/// <param name="ListsPapers">
/// The question asks which papers do something (<see cref="Questions.ListQuestion"/>): the evidence is every paper above the
/// relevance threshold, and the answer should name each of them.
/// </param>
public sealed record AnswerRequest(
    string Question, string StandaloneQuestion, RetrievalResult Evidence, SearchFilter? Filter = null, int PreviousSources = 0, bool ListsPapers = false)
{
    /// <summary>The question as retrieval searched it: spelling-corrected when that changed it, else the standalone question.</summary>
    public string SearchedQuestion => Evidence.SearchedFor ?? StandaloneQuestion;
}
