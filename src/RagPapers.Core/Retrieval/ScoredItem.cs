namespace RagPapers.Retrieval;

/// <summary>An item with a higher-is-better score.</summary>
public readonly record struct ScoredItem<T>(T Item, double Score);
