namespace RagPapers.Server.Asking;

/// <summary>One step of a streamed ask: a text <paramref name="Delta"/>, or the finished <paramref name="Outcome"/>.</summary>
public sealed record AskStreamItem(string? Delta, AskOutcome? Outcome);
