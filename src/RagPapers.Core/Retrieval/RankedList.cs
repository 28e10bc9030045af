namespace RagPapers.Retrieval;

/// <summary>One ranking to fuse: items best first, and the weight of this ranking in the fusion.</summary>
public sealed record RankedList<T>(IReadOnlyList<T> Items, double Weight);
