using RagPapers.Papers;

namespace RagPapers.Storage;

/// <summary>
/// Copies every paper with its chunks and vectors from one opened index to another, batch by batch, reusing the
/// vectors as stored (so both must hold the same embedder's vectors; opening them with one descriptor checks that).
/// A paper whose content hash the target already has is left alone, so an interrupted copy resumes where it stopped.
/// </summary>
public static class PaperIndexCopier
{
    public static async Task<PaperCopySummary> CopyAsync(
        IPaperIndex source,
        IPaperIndex target,
        int batchSize,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var sourceHashes = await source.GetContentHashesAsync(cancellationToken);
        var targetHashes = await target.GetContentHashesAsync(cancellationToken);
        var batch = new List<PaperDocument>(batchSize);
        int copied = 0, chunks = 0, unchanged = 0, seen = 0;
        await foreach (var paper in source.ListPapersAsync(cancellationToken))
        {
            var hash = sourceHashes.GetValueOrDefault(paper.Id, "");
            if (targetHashes.TryGetValue(paper.Id, out var existing) && existing == hash)
            {
                unchanged++;
            }
            else
            {
                batch.Add(await DocumentAsync(source, paper, hash, cancellationToken));
            }

            if (batch.Count >= batchSize)
            {
                (copied, chunks) = await FlushAsync(target, batch, copied, chunks, cancellationToken);
            }

            progress?.Report(++seen);
        }

        (copied, chunks) = await FlushAsync(target, batch, copied, chunks, cancellationToken);
        var onlyInTarget = targetHashes.Keys.Count(id => !sourceHashes.ContainsKey(id));
        return new PaperCopySummary(copied, chunks, unchanged, onlyInTarget);
    }

    private static async Task<PaperDocument> DocumentAsync(IPaperIndex source, Paper paper, string hash, CancellationToken cancellationToken)
    {
        var chunks = await source.GetChunksAsync(paper.Id, cancellationToken);
        if (chunks.Any(c => c.Vector.IsEmpty))
        {
            // A store that defers vectors must finish its semantic index first: the target would take no vector as one.
            throw new InvalidOperationException($"Paper {paper.Id} has chunks still waiting for their vectors; let the semantic index complete before copying.");
        }

        return new PaperDocument(paper, hash, chunks);
    }

    private static async Task<(int Copied, int Chunks)> FlushAsync(
        IPaperIndex target, List<PaperDocument> batch, int copied, int chunks, CancellationToken cancellationToken)
    {
        if (batch.Count > 0)
        {
            await target.UpsertAsync([.. batch], cancellationToken);
            copied += batch.Count;
            chunks += batch.Sum(d => d.Chunks.Count);
            batch.Clear();
        }

        return (copied, chunks);
    }
}
