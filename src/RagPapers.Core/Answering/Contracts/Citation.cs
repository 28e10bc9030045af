namespace RagPapers.Answering.Contracts;

/// <summary>A numbered source of an answer. <paramref name="Quote"/> is verbatim text of the paper's abstract.</summary>
public sealed record Citation(int N, string PaperId, string Title, DateOnly? Date, string Source, string Quote, double Score);
