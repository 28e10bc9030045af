using RagPapers.Papers;

namespace RagPapers.Storage;

/// <summary>Everything stored for one paper; upserting it replaces any earlier version of the paper as a whole.</summary>
public sealed record PaperDocument(Paper Paper, string ContentHash, IReadOnlyList<IndexedChunk> Chunks);
