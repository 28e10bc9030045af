using RagPapers.Retrieval;

namespace RagPapers.Answering;

/// <summary>The question (as asked and made standalone) with the evidence retrieved for it.</summary>
public sealed record AnswerRequest(string Question, string StandaloneQuestion, RetrievalResult Evidence);
