namespace RagPapers.Storage;

/// <summary>Identifies the vectors in a store: an index refuses vectors of any other embedder id or dimension.</summary>
public sealed record EmbedderDescriptor(string Id, int Dimensions);
