namespace RagPapers.Retrieval;

/// <summary>A chunk of a retrieved paper that matched the query, verbatim.</summary>
public sealed record Passage(int Ordinal, string Text, double Score);
