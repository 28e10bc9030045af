using RagPapers.Storage;

namespace RagPapers.Core.Tests.Fakes;

/// <summary>A real store that records how many documents each <see cref="IPaperIndex.UpsertAsync"/> call wrote.</summary>
internal sealed class BatchRecordingIndex(IPaperIndex inner) : DelegatingPaperIndex(inner)
{
    public List<int> Batches { get; } = [];

    public override Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        Batches.Add(batch.Count);
        return base.UpsertAsync(batch, cancellationToken);
    }
}
