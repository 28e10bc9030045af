namespace RagPapers.Server.Contracts;

/// <summary>Where the time of one answer went, in milliseconds.</summary>
public sealed record AskTimingsDto(double RetrievalMs, double AnswerMs, double TotalMs);
