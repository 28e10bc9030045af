using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Ingestion;

/// <summary>
/// A record with what can be computed from it alone, before the run knows whether it is new: its hashes and its chunks
/// (null for a skipped record). Prepared ahead of the store, on another thread (<see cref="RecordPreparation"/>).
/// </summary>
internal sealed record PreparedRecord(ReadResult Record, string? ContentHash, string? TextHash, IReadOnlyList<Chunk>? Chunks)
{
    public static PreparedRecord Of(ReadResult record, Chunker chunker) =>
        record.Paper is { } paper
            ? new(record, PaperHashing.ContentHash(paper), PaperHashing.TextHash(paper), chunker.Split(paper))
            : new(record, null, null, null);
}
