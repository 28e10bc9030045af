using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Ingestion;

/// <summary>
/// Streams read records into the index: unchanged papers are recognised by content hash and left alone,
/// new and changed ones are chunked, embedded in bulk and written one transaction per batch, so a run
/// that dies keeps every finished batch and the next run picks up the rest. A store that defers vectors
/// (<see cref="IDeferredVectorIndex"/>) gets the chunks without them, searchable by keyword at once; the
/// semantic indexer embeds them afterwards.
/// </summary>
public sealed class Ingestor(
    IPaperIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    Chunker chunker,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider,
    ILogger<Ingestor> logger)
{
    // Remote embedding endpoints cap the inputs per request (OpenAI: 2048); stay well below.
    private const int MaxTextsPerEmbeddingCall = 256;

    private readonly int _batchSize = options.Value.BatchSize;

    /// <summary>
    /// Ingests <paramref name="records"/> into an index the caller has already opened. <paramref name="onResult"/>, when
    /// given, hears what became of each record, in reading order; the summary counts them all and lists the first few.
    /// </summary>
    public async Task<IngestSummary> IngestAsync(
        IAsyncEnumerable<ReadResult> records,
        IProgress<IngestProgress>? progress = null,
        Action<IngestResult>? onResult = null,
        CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        Log.IngestStarted(logger);
        await using var listings = await FirstListings.OpenAsync(cancellationToken);
        var run = new IngestRun(index, listings, onResult, logger);
        var batch = new List<PreparedRecord>(_batchSize);
        try
        {
            // One batch ahead: enough to keep the second core busy through a write, bounded whatever the collection.
            await foreach (var record in RecordPreparation.PrepareAheadAsync(records, chunker, _batchSize, cancellationToken))
            {
                batch.Add(record);
                if (batch.Count >= _batchSize)
                {
                    await AcceptAsync(run, batch, progress, cancellationToken);
                }
            }

            await AcceptAsync(run, batch, progress, cancellationToken, final: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.IngestCanceled(logger, run.Progress.Processed);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.IngestFailed(logger, run.Progress.Processed, ex.Message);
            Log.IngestFailureDetail(logger, ex);
            throw;
        }

        var summary = run.ToSummary(timeProvider.GetElapsedTime(started));
        Log.IngestCompleted(logger, summary.Read, (long)summary.Elapsed.TotalMilliseconds, summary.Added, summary.Updated, summary.Unchanged, summary.Skipped);
        return summary;
    }

    // Records are classified a batch at a time (one look-up of their stored hashes), and written once a batch of
    // changed papers has gathered; progress is reported after each batch read, so a re-run over unchanged papers shows it too.
    private async Task AcceptAsync(IngestRun run, List<PreparedRecord> batch, IProgress<IngestProgress>? progress, CancellationToken cancellationToken, bool final = false)
    {
        var before = run.Progress.Processed;
        await run.AcceptAsync(batch, cancellationToken);
        batch.Clear();
        if (run.Pending.Count >= _batchSize || (final && run.Pending.Count > 0))
        {
            await FlushAsync(run, cancellationToken);
        }

        if (run.Progress.Processed > before || !final)
        {
            progress?.Report(run.Progress);
        }
    }

    // A batch of records with a few unchanged ones leaves fewer than a batch pending, and the next batch joins it:
    // written in slices, no transaction holds more than Ingestion:BatchSize papers.
    private async Task FlushAsync(IngestRun run, CancellationToken cancellationToken)
    {
        foreach (var slice in run.Pending.Chunk(_batchSize))
        {
            await WriteAsync(slice, cancellationToken);
        }

        run.Pending.Clear();
    }

    private async Task WriteAsync(PendingPaper[] batch, CancellationToken cancellationToken)
    {
        var texts = batch.SelectMany(p => p.Chunks.Select(c => c.EmbeddingText(p.Paper.Title))).ToList();
        var vectors = DefersVectors
            ? [.. texts.Select(_ => ReadOnlyMemory<float>.Empty)]
            : await EmbedAsync(texts, cancellationToken);
        var documents = new List<PaperDocument>(batch.Length);
        var next = 0;
        foreach (var pending in batch)
        {
            var chunks = pending.Chunks.Select(c => new IndexedChunk(c, vectors[next++])).ToArray();
            documents.Add(new PaperDocument(pending.Paper, pending.ContentHash, chunks));
        }

        await index.UpsertAsync(documents, cancellationToken);
        Log.BatchCommitted(logger, documents.Count, texts.Count);
    }

    // The hashed local embedder costs microseconds a text: its vectors go in with the papers, so the store is complete
    // at once and no front-end shows a semantic index being built. Any other (MiniLM, an endpoint) takes the chunks
    // without vectors when the store can, and leaves them to the semantic indexer.
    private bool DefersVectors => index.GetService<IDeferredVectorIndex>() is not null && embedder.GetService<LocalEmbeddingGenerator>() is null;

    private async Task<List<ReadOnlyMemory<float>>> EmbedAsync(List<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<ReadOnlyMemory<float>>(texts.Count);
        for (var offset = 0; offset < texts.Count; offset += MaxTextsPerEmbeddingCall)
        {
            var slice = texts.GetRange(offset, Math.Min(MaxTextsPerEmbeddingCall, texts.Count - offset));
            var embeddings = await embedder.GenerateAsync(slice, cancellationToken: cancellationToken);
            if (embeddings.Count != slice.Count)
            {
                throw new InvalidOperationException($"The embedder returned {embeddings.Count} vectors for {slice.Count} texts.");
            }

            vectors.AddRange(embeddings.Select(e => e.Vector));
        }

        return vectors;
    }
}
