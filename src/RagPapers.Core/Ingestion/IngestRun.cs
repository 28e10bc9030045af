using Microsoft.Extensions.Logging;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Ingestion;

/// <summary>
/// The state of one ingestion run: the papers waiting for the next batch and the tallies. Records are classified a
/// batch at a time against what the store holds for that batch's ids and where this run first read them
/// (<see cref="FirstListings"/>), both looked up per batch, so nothing held here grows with the collection.
/// </summary>
internal sealed class IngestRun(IPaperIndex index, FirstListings listings, Action<IngestResult>? onResult, ILogger logger)
{
    private readonly IngestDetails _details = new();

    /// <summary>Changed or new papers, chunked, waiting to be embedded and written.</summary>
    public List<PendingPaper> Pending { get; } = [];

    public IngestProgress Progress => _details.Progress;

    /// <summary>Classifies a batch of records in reading order; new and changed papers join <see cref="Pending"/>.</summary>
    public async Task AcceptAsync(IReadOnlyList<PreparedRecord> prepared, CancellationToken cancellationToken)
    {
        var ids = prepared.Where(r => r.Record.Paper is not null).Select(r => r.Record.Paper!.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = await listings.FindAsync(ids, cancellationToken);
        ids.ExceptWith(earlier.Keys);
        var stored = await index.GetContentHashesAsync(ids, cancellationToken);
        var firsts = new List<KeyValuePair<string, PaperListing>>();
        foreach (var item in prepared)
        {
            var record = item.Record;
            var outcome = Classify(item, earlier, stored, firsts, out var conflict);
            if (outcome is IngestOutcome.Added or IngestOutcome.Updated)
            {
                Pending.Add(new PendingPaper(record.Paper!, item.ContentHash!, item.Chunks!));
            }

            var result = new IngestResult(record.Paper?.Id, record.Paper?.Title, outcome, record.Skipped ?? conflict);
            _details.Count(result, record.BytesRead);
            onResult?.Invoke(result);
        }

        await listings.AddAsync(firsts, cancellationToken);
    }

    public IngestSummary ToSummary(TimeSpan elapsed) => _details.ToSummary(elapsed);

    private IngestOutcome Classify(
        PreparedRecord prepared,
        Dictionary<string, PaperListing> earlier,
        IReadOnlyDictionary<string, string> stored,
        List<KeyValuePair<string, PaperListing>> firsts,
        out ReadDiagnostic? conflict)
    {
        conflict = null;
        var record = prepared.Record;
        if (record.Paper is not { } paper)
        {
            Log.RecordSkipped(logger, record.Skipped?.ToString() ?? "a record without a paper");
            return IngestOutcome.Skipped;
        }

        var (hash, textHash) = (prepared.ContentHash!, prepared.TextHash!);

        // A paper listed in two files (or twice in one) is stored once: the first occurrence wins.
        if (earlier.TryGetValue(paper.Id, out var first))
        {
            Log.DuplicatePaper(logger, paper.Id);
            var sameText = first.TextHash == textHash;
            conflict = first.Hash == hash ? null : Duplicate(record, paper, first, sameText);
            return conflict is null || sameText ? IngestOutcome.Unchanged : IngestOutcome.Skipped;
        }

        var listing = new PaperListing(hash, textHash, paper.Source, record.Line);
        earlier.Add(paper.Id, listing); // a later record of this batch finds it
        firsts.Add(KeyValuePair.Create(paper.Id, listing));
        if (!stored.TryGetValue(paper.Id, out var storedHash))
        {
            return IngestOutcome.Added;
        }

        return storedHash == hash ? IngestOutcome.Unchanged : IngestOutcome.Updated;
    }

    // Another listing of the same title and abstract that differs only in date or authors (daily dumps list a paper
    // before and after its date is known) is the same paper: a note, counted unchanged. Other text under the same id
    // is a conflict the user must see, named by both places, and the record is skipped.
    private ReadDiagnostic Duplicate(ReadResult record, Paper paper, PaperListing first, bool sameText)
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
