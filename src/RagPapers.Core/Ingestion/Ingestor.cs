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

    /// <summary>Ingests <paramref name="records"/> into an index the caller has already opened.</summary>
    public async Task<IngestSummary> IngestAsync(IAsyncEnumerable<ReadResult> records, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        var stored = await index.GetContentHashesAsync(cancellationToken);
        Log.IngestStarted(logger, stored.Count);
        var run = new IngestRun(stored, logger);
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                run.Accept(record, chunker);
                if (run.Pending.Count >= _batchSize)
                {
                    await FlushAsync(run, progress, cancellationToken);
                }
            }

            await FlushAsync(run, progress, cancellationToken);
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

    private async Task FlushAsync(IngestRun run, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        if (run.Pending.Count > 0)
        {
            var texts = run.Pending.SelectMany(p => p.Chunks.Select(c => c.EmbeddingText(p.Paper.Title))).ToList();
            var vectors = DefersVectors
                ? [.. texts.Select(_ => ReadOnlyMemory<float>.Empty)]
                : await EmbedAsync(texts, cancellationToken);
            var documents = new List<PaperDocument>(run.Pending.Count);
            var next = 0;
            foreach (var pending in run.Pending)
            {
                var chunks = pending.Chunks.Select(c => new IndexedChunk(c, vectors[next++])).ToArray();
                documents.Add(new PaperDocument(pending.Paper, pending.ContentHash, chunks));
            }

            await index.UpsertAsync(documents, cancellationToken);
            Log.BatchCommitted(logger, documents.Count, texts.Count);
            run.Pending.Clear();
        }

        progress?.Report(run.Progress);
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
