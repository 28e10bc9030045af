using Microsoft.Extensions.Logging;
using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>The state of one ingestion run: what is stored, what was seen, the papers waiting for the next batch, and the tallies.</summary>
internal sealed class IngestRun(IReadOnlyDictionary<string, string> storedHashes, ILogger logger)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<IngestResult> results = [];
    private int added;
    private int updated;
    private int unchanged;
    private int skipped;

    /// <summary>Changed or new papers, chunked, waiting to be embedded and written.</summary>
    public List<PendingPaper> Pending { get; } = [];

    public IngestProgress Progress => new(results.Count, added, updated, unchanged, skipped);

    /// <summary>Classifies one record; a new or changed paper joins <see cref="Pending"/>.</summary>
    public void Accept(ReadResult record, Chunker chunker)
    {
        var paper = record.Paper;
        var outcome = Classify(record, out var hash);
        switch (outcome)
        {
            case IngestOutcome.Skipped:
                skipped++;
                break;
            case IngestOutcome.Unchanged:
                unchanged++;
                break;
            case IngestOutcome.Added:
                added++;
                break;
            default:
                updated++;
                break;
        }

        if (outcome is IngestOutcome.Added or IngestOutcome.Updated)
        {
            Pending.Add(new PendingPaper(paper!, hash!, chunker.Split(paper!)));
        }

        results.Add(new IngestResult(paper?.Id, paper?.Title, outcome, record.Skipped));
    }

    public IngestSummary ToSummary(TimeSpan elapsed) => new(results.Count, added, updated, unchanged, skipped, results, elapsed);

    private IngestOutcome Classify(ReadResult record, out string? hash)
    {
        hash = null;
        if (record.Paper is not { } paper)
        {
            Log.RecordSkipped(logger, record.Skipped?.ToString() ?? "a record without a paper");
            return IngestOutcome.Skipped;
        }

        // A paper listed in two files (or twice in one) is stored once: the first occurrence wins.
        if (!seen.Add(paper.Id))
        {
            Log.DuplicatePaper(logger, paper.Id);
            return IngestOutcome.Unchanged;
        }

        hash = PaperHashing.ContentHash(paper);
        if (!storedHashes.TryGetValue(paper.Id, out var stored))
        {
            return IngestOutcome.Added;
        }

        return stored == hash ? IngestOutcome.Unchanged : IngestOutcome.Updated;
    }
}
