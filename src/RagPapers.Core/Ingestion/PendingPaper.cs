using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Ingestion;

/// <summary>A new or changed paper, chunked, waiting for its embeddings and its batch's transaction.</summary>
internal sealed record PendingPaper(Paper Paper, string ContentHash, IReadOnlyList<Chunk> Chunks);
