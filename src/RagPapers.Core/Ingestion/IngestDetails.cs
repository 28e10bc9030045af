using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>The outcome tallies of a run and the first <see cref="IngestSummary.MaxListed"/> details of each kind.</summary>
internal sealed class IngestDetails
{
    private readonly List<IngestResult> _updated = [];
    private readonly List<ReadDiagnostic> _skipped = [];
    private readonly List<ReadDiagnostic> _notes = [];
    private int _added;
    private int _updatedCount;
    private int _unchanged;
    private int _skippedCount;
    private int _noteCount;

    public IngestProgress Progress => new(Read, _added, _updatedCount, _unchanged, _skippedCount, BytesRead);

    /// <summary>The furthest <see cref="ReadResult.BytesRead"/> of the records counted.</summary>
    public long BytesRead { get; private set; }

    // Every record read has exactly one outcome.
    private int Read => _added + _updatedCount + _unchanged + _skippedCount;

    public void Count(IngestResult result, long bytesRead)
    {
        BytesRead = Math.Max(BytesRead, bytesRead);
        switch (result.Outcome)
        {
            case IngestOutcome.Added:
                _added++;
                break;
            case IngestOutcome.Updated:
                _updatedCount++;
                AddBounded(_updated, result);
                break;
            case IngestOutcome.Unchanged:
                _unchanged++;
                break;
            default:
                _skippedCount++;
                break;
        }

        if (result.Diagnostic is not { } diagnostic)
        {
            return;
        }

        if (result.Outcome == IngestOutcome.Skipped)
        {
            AddBounded(_skipped, diagnostic);
        }
        else
        {
            _noteCount++;
            AddBounded(_notes, diagnostic);
        }
    }

    public IngestSummary ToSummary(TimeSpan elapsed) =>
        new(Read, _added, _updatedCount, _unchanged, _skippedCount, _updated, _skipped, _notes, _noteCount, elapsed);

    private static void AddBounded<T>(List<T> list, T item)
    {
        if (list.Count < IngestSummary.MaxListed)
        {
            list.Add(item);
        }
    }
}
