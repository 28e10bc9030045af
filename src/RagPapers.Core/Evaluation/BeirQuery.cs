namespace RagPapers.Evaluation;

/// <summary>One benchmark query: its id as the qrels name it, and its text.</summary>
public sealed record BeirQuery(string Id, string Text);
