namespace RagPapers.Evaluation;

/// <summary>An evaluation input (queries, qrels, corpus, store) cannot be used; the message names the file, line and field.</summary>
public sealed class EvaluationInputException(string message) : Exception(message);
