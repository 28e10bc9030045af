using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Storage;

namespace RagPapers.Indexing;

/// <summary>
/// Fills the vectors a store defers (<see cref="IDeferredVectorIndex"/>): it takes chunks without a vector in batches
/// of Embeddings:BatchSize, embeds them, and stores each batch in its own transaction, so a killed run keeps every
/// finished batch and the next picks up the chunks still without one. In the background (chat, server) it starts
/// again after every ingestion; a one-shot command waits for it with <see cref="CompleteAsync"/>. For a store that
/// takes its vectors during ingestion it has nothing to do.
/// </summary>
public sealed partial class SemanticIndexer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly IPaperIndex _index;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly int _batchSize;
    private readonly TimeProvider _time;
    private readonly ILogger<SemanticIndexer> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public SemanticIndexer(
        IPaperIndex index,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        IOptions<EmbeddingsOptions> options,
        TimeProvider time,
        ILogger<SemanticIndexer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_index, _embedder, _batchSize, _time, _logger) = (index, embedder, options.Value.BatchSize, time, logger);
    }

    /// <summary>The store's progress (the one source every front-end shows) and why the background indexer waits, if it does.</summary>
    public SemanticIndexStatus Status => _index.GetService<IDeferredVectorIndex>() is { } store
        ? new SemanticIndexStatus(Deferred: true, store.Progress.Embedded, store.Progress.Total, _problem)
        : SemanticIndexStatus.Inline;

    /// <summary>
    /// Fills every missing vector, reporting the status about five times a second and once at the end. Cancelling
    /// stops after the batch being embedded is abandoned; the batches stored stay, so the next run resumes there.
    /// </summary>
    /// <exception cref="StoreIncompatibleException">Another process switched the store to another embedder.</exception>
    public async Task CompleteAsync(IProgress<SemanticIndexStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Status.IsComplete)
        {
            progress?.Report(Status);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var work = IsRunningInBackground ? UntilCompleteAsync(linked.Token) : Task.Run(() => FillAsync(linked.Token), linked.Token);
        while (!work.IsCompleted && !linked.IsCancellationRequested)
        {
            progress?.Report(Status);
            await Task.WhenAny(work, Task.Delay(ProgressInterval, _time, linked.Token));
        }

        await work; // the failure, or the cancellation, of the work itself
        progress?.Report(Status);
    }

    /// <summary>Drops every vector (the store keeps papers, chunks and keyword index), then fills them again like <see cref="CompleteAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The store takes its vectors during ingestion and cannot drop them.</exception>
    public async Task ReembedAllAsync(IProgress<SemanticIndexStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        var store = _index.GetService<IDeferredVectorIndex>()
            ?? throw new InvalidOperationException("This store gets its vectors during ingestion and cannot re-embed them in place.");
        await store.ClearVectorsAsync(cancellationToken);
        Log.Reembedding(_logger, store.Progress.Total);
        await CompleteAsync(progress, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await StopBackgroundAsync();
        _stopping.Dispose();
        _wake.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Embeds batches until no chunk lacks its vector.</summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_index.GetService<IDeferredVectorIndex>() is not { } store)
        {
            return;
        }

        var started = _time.GetTimestamp();
        var filled = 0;
        try
        {
            while (await store.GetChunksWithoutVectorsAsync(_batchSize, cancellationToken) is { Count: > 0 } pending)
            {
                // The embedder is the one the store was opened for (PaperLibrary opens it with this embedder's
                // descriptor); the store checks the dimensions and that no other process switched it meanwhile.
                filled += await store.SetVectorsAsync(await EmbedAsync(pending, cancellationToken), cancellationToken);
                Log.BatchEmbedded(_logger, pending.Count, store.Progress.Embedded, store.Progress.Total);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Canceled(_logger, store.Progress.Embedded, store.Progress.Total);
            throw;
        }

        if (filled > 0)
        {
            Log.Completed(_logger, store.Progress.Total, filled, _time.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task<ChunkVector[]> EmbedAsync(IReadOnlyList<ChunkWithoutVector> pending, CancellationToken cancellationToken)
    {
        var texts = pending.Select(p => p.Chunk.EmbeddingText(p.PaperTitle)).ToArray();
        var embeddings = await _embedder.GenerateAsync(texts, cancellationToken: cancellationToken);
        if (embeddings.Count != texts.Length)
        {
            throw new InvalidOperationException($"The embedder returned {embeddings.Count} vectors for {texts.Length} texts.");
        }

        return [.. pending.Select((p, i) => new ChunkVector(p.Key, embeddings[i].Vector))];
    }

    private async Task UntilCompleteAsync(CancellationToken cancellationToken)
    {
        Notify();
        while (!Status.IsComplete)
        {
            await Task.Delay(ProgressInterval, _time, cancellationToken);
        }
    }
}
