using Microsoft.Extensions.Logging;
using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>The state of one ingestion run: what is stored, what was seen, the papers waiting for the next batch, and the tallies.</summary>
internal sealed class IngestRun(IReadOnlyDictionary<string, string> storedHashes, ILogger logger)
{
    // Each paper id met in this run: where it was first read and what it held then (all of it, and its text alone).
    private readonly Dictionary<string, (string Hash, string TextHash, string Source, int Line)> _seen = new(StringComparer.Ordinal);
    private readonly List<IngestResult> _results = [];
    private int _added;
    private int _updated;
    private int _unchanged;
    private int _skipped;

    /// <summary>Changed or new papers, chunked, waiting to be embedded and written.</summary>
    public List<PendingPaper> Pending { get; } = [];

    public IngestProgress Progress => new(_results.Count, _added, _updated, _unchanged, _skipped);

    /// <summary>Classifies one record; a new or changed paper joins <see cref="Pending"/>.</summary>
    public void Accept(ReadResult record, Chunker chunker)
    {
        var paper = record.Paper;
        var outcome = Classify(record, out var hash, out var conflict);
        switch (outcome)
        {
            case IngestOutcome.Skipped:
                _skipped++;
                break;
            case IngestOutcome.Unchanged:
                _unchanged++;
                break;
            case IngestOutcome.Added:
                _added++;
                break;
            default:
                _updated++;
                break;
        }

        if (outcome is IngestOutcome.Added or IngestOutcome.Updated)
        {
            Pending.Add(new PendingPaper(paper!, hash!, chunker.Split(paper!)));
        }

        _results.Add(new IngestResult(paper?.Id, paper?.Title, outcome, record.Skipped ?? conflict));
    }

    public IngestSummary ToSummary(TimeSpan elapsed) => new(_results.Count, _added, _updated, _unchanged, _skipped, _results, elapsed);

    private IngestOutcome Classify(ReadResult record, out string? hash, out ReadDiagnostic? conflict)
    {
        hash = null;
        conflict = null;
        if (record.Paper is not { } paper)
        {
            Log.RecordSkipped(logger, record.Skipped?.ToString() ?? "a record without a paper");
            return IngestOutcome.Skipped;
        }

        hash = PaperHashing.ContentHash(paper);

        // A paper listed in two files (or twice in one) is stored once: the first occurrence wins.
        if (_seen.TryGetValue(paper.Id, out var first))
        {
            Log.DuplicatePaper(logger, paper.Id);
            var sameText = first.TextHash == PaperHashing.TextHash(paper);
            conflict = first.Hash == hash ? null : Duplicate(record, paper, first, sameText);
            hash = null;
            return conflict is null || sameText ? IngestOutcome.Unchanged : IngestOutcome.Skipped;
        }

        _seen.Add(paper.Id, (hash, PaperHashing.TextHash(paper), paper.Source, record.Line));
        if (!storedHashes.TryGetValue(paper.Id, out var stored))
        {
            return IngestOutcome.Added;
        }

        return stored == hash ? IngestOutcome.Unchanged : IngestOutcome.Updated;
    }

    // Another listing of the same title and abstract that differs only in date or authors (daily dumps list a paper
    // before and after its date is known) is the same paper: a note, counted unchanged. Other text under the same id
    // is a conflict the user must see, named by both places, and the record is skipped.
    private ReadDiagnostic Duplicate(ReadResult record, Paper paper, (string Hash, string TextHash, string Source, int Line) first, bool sameText)
    {
        if (sameText)
        {
            return new ReadDiagnostic(paper.Source, record.Line,
                $"paper {paper.Id} was already read at {first.Source}:{first.Line} with the same text and another date or authors; the first is kept");
        }

        var conflict = new ReadDiagnostic(paper.Source, record.Line,
            $"paper {paper.Id} was already read at {first.Source}:{first.Line} with other content; the first is kept, this record skipped");
        Log.RecordSkipped(logger, conflict.ToString());
        return conflict;
    }
}
