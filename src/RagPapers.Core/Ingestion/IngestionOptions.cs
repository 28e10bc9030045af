using System.ComponentModel.DataAnnotations;
using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>The "Ingestion" section: chunk sizes and batching.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    // 10,000 keeps every abstract whole (arXiv caps them at 1,920 characters; SciFact's median is 1,330, its
    // longest 10,000): BM25 ranks a whole abstract better than its windows, since a short window's length
    // normalization lets a tail sentence outscore the body (SciFact train nDCG@10 0.711 whole, 0.709 at
    // 4,000, 0.687 at 700 windows; docs/benchmarks.md). Longer texts are still cut at sentence boundaries.

    /// <summary>Upper bound of a chunk's length in characters; a chunk ends at a sentence boundary before it when it can.</summary>
    [Range(100, 20_000, ErrorMessage = "Ingestion:MaxChunkChars must be between 100 and 20000.")]
    public int MaxChunkChars { get; set; } = 10_000;

    /// <summary>Sentences repeated at the start of the next chunk, so a fact spanning a boundary is found whole.</summary>
    [Range(0, 5, ErrorMessage = "Ingestion:OverlapSentences must be between 0 and 5.")]
    public int OverlapSentences { get; set; } = 1;

    /// <summary>
    /// Longest title plus abstract of one record; a longer record is skipped with a diagnostic, and a raw line or
    /// entry over ten times this is skipped without being held in memory whole.
    /// </summary>
    [Range(1_000, 10_000_000, ErrorMessage = "Ingestion:MaxRecordChars must be between 1000 and 10000000.")]
    public int MaxRecordChars { get; set; } = PaperText.DefaultMaxRecordChars;

    // 4,096 rather than 2,048 (256 before that): each commit rewrites pages all over the store's indexes (term counts,
    // vocabulary, the postings' and the dates' indexes), whatever the batch's size, so fewer, larger batches write
    // fewer of them. A million generated papers took 152 s instead of 210 s, for 715 MB of peak RSS instead of 473 MB
    // (docs/benchmarks.md). A killed ingest loses at most one batch: about a second of work at that rate.

    /// <summary>Papers read, looked up and written per transaction.</summary>
    [Range(1, 100_000, ErrorMessage = "Ingestion:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 4096;
}
